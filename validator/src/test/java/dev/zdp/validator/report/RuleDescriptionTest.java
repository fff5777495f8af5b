package dev.zdp.validator.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.load.LoadProblem;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleDescriptionTest {

  @Test
  void describesTheRulesThenTheLoadProblemsThenRuleConfig() {
    RuleRegistry registry = RuleRegistry.builtIn();
    List<RuleDescription> all = RuleDescription.allOf(registry);
    int rules = registry.rules().size();
    int loadProblems = LoadProblem.Code.values().length;

    assertThat(all).hasSize(rules + loadProblems + 1);
    for (int i = 0; i < rules; i++) {
      Rule rule = registry.rules().get(i);
      assertThat(all.get(i))
          .isEqualTo(new RuleDescription(rule.id(), rule.summary(), rule.defaultSeverity(), true));
    }
    assertThat(all.subList(rules, rules + loadProblems))
        .allMatch(
            d ->
                d.defaultSeverity()
                        == (d.id().equals("yaml-tag") ? Severity.WARNING : Severity.ERROR)
                    && !d.adjustable())
        .extracting(RuleDescription::id)
        .containsExactly(
            java.util.Arrays.stream(LoadProblem.Code.values())
                .map(LoadProblem.Code::id)
                .toArray(String[]::new));
    assertThat(all.get(all.size() - 1).id()).isEqualTo(RuleDescription.RULE_CONFIG);
  }

  @Test
  void theIdReadsAsAnIdentifier() {
    assertThat(new RuleDescription("sink-reference", "s", Severity.ERROR, true).identifier())
        .isEqualTo("SinkReference");
    assertThat(new RuleDescription("yaml-syntax", "s", Severity.ERROR, false).identifier())
        .isEqualTo("YamlSyntax");
  }

  @Test
  void theFullDescriptionSaysWhetherTheLevelCanChange() {
    assertThat(
            new RuleDescription("primary-key", "Every dataset has a key", Severity.WARNING, true)
                .fullDescription())
        .isEqualTo(
            "Every dataset has a key. Default severity: warning; the Ecosystem's spec.rules can"
                + " set it to off, warning or error.");
    assertThat(
            new RuleDescription("yaml-syntax", "Files are YAML.", Severity.ERROR, false)
                .fullDescription())
        .isEqualTo("Files are YAML. Always an error; it cannot be changed in spec.rules.");
  }
}
