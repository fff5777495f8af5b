package dev.zdp.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.load.LoadProblem;
import dev.zdp.validator.report.RuleDescription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/rules.md has a {@code ## <id>} entry for every id a report can carry. */
class RulesDocumentedTest {

  private static final Path RULES_DOC = Path.of("../docs/rules.md");

  private static List<String> headings() throws IOException {
    return Files.readAllLines(RULES_DOC, StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("## "))
        .map(line -> line.substring(3).strip())
        .toList();
  }

  @Test
  void everyRegisteredRuleHasAnEntry() throws IOException {
    assertThat(headings())
        .as("'## <id>' headings in %s", RULES_DOC.toAbsolutePath().normalize())
        .containsAll(RuleRegistry.builtIn().rules().stream().map(Rule::id).toList());
  }

  @Test
  void everyLoadProblemAndRuleConfigHasAnEntry() throws IOException {
    List<String> ids =
        Stream.concat(
                Arrays.stream(LoadProblem.Code.values()).map(LoadProblem.Code::id),
                Stream.of(RuleDescription.RULE_CONFIG))
            .toList();
    assertThat(headings()).containsAll(ids);
  }
}
