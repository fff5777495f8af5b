package dev.zdp.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class BuiltInRulesTest {

  @Test
  void everyRuleHasAStableKebabCaseIdAndASummary() {
    assertThat(RuleRegistry.builtIn().rules())
        .isNotEmpty()
        .allSatisfy(
            rule -> {
              assertThat(rule.id()).matches("[a-z]+(-[a-z]+)*");
              assertThat(rule.summary()).isNotBlank();
            });
  }

  @Test
  void theRulesOfThisModuleAreRegistered() {
    assertThat(RuleRegistry.builtIn().rules())
        .extracting(Rule::id)
        .contains(
            "single-ecosystem",
            "zone-declaration",
            "team-declaration",
            "name-format",
            "duplicate-name",
            "zone-reference",
            "team-reference",
            "sink-reference",
            "platform-reference",
            "primary-key",
            "classification",
            "classification-policy",
            "platform-requirements",
            "platform-policy",
            "production-status",
            "deprecation",
            "capture-format",
            "credential-name",
            "zero-capture-type",
            "zero-column-type",
            "zero-topic-name",
            "zero-name-collision",
            "zero-signal-table");
  }

  @Test
  void aCompleteValidModelPassesEveryBuiltInRule() {
    RuleFixture.run(RuleRegistry.builtIn(), "rules/valid-model").assertNoFindings();
  }
}
