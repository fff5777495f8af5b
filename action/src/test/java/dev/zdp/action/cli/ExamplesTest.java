package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled examples do what the README promises: {@code examples/acme} validates clean, and
 * {@code examples/broken} reports exactly the mistakes its files mark with {@code # expect
 * <severity> [<rule>]}, each at its line.
 */
class ExamplesTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Pattern EXPECT =
      Pattern.compile("#\\s*expect\\s+(error|warning)\\s+\\[([a-z0-9-]+)]");

  @Test
  void acmeValidatesClean() throws IOException {
    Zdp run =
        Zdp.run("validate", "--model", EXAMPLES.resolve("acme").toString(), "--format", "json");

    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("diagnostics")).as(run.out()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void brokenReportsEveryMarkedMistakeAtItsLineAndNothingElse() throws IOException {
    Path broken = EXAMPLES.resolve("broken");
    Zdp run = Zdp.run("validate", "--model", broken.toString(), "--format", "json");

    List<String> reported = new ArrayList<>();
    for (JsonNode d : new ObjectMapper().readTree(run.out()).get("diagnostics")) {
      String file = Path.of(d.get("file").asText()).getFileName().toString();
      reported.add(
          file
              + ":"
              + d.get("line").asInt()
              + " "
              + d.get("severity").asText()
              + " "
              + d.get("rule").asText());
    }
    assertThat(reported).containsExactlyInAnyOrderElementsOf(expectedIn(broken));
    assertThat(run.exitCode()).isEqualTo(1);
  }

  private static List<String> expectedIn(Path directory) throws IOException {
    List<String> expected = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = EXPECT.matcher(lines.get(i));
          while (m.find()) {
            expected.add(file.getFileName() + ":" + (i + 1) + " " + m.group(1) + " " + m.group(2));
          }
        }
      }
    }
    assertThat(expected).as("markers in " + directory).hasSizeGreaterThan(15);
    return expected;
  }
}
