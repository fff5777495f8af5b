package dev.zdp.validator.change;

import dev.zdp.validator.Diagnostic;
import java.util.List;

/** {@link ChangeRuleFixture} for tests in the rule packages. */
public final class ChangeRuleFixtures {

  private ChangeRuleFixtures() {}

  /** {@code broken} matches its markers; {@code valid} has none and the rule is silent. */
  public static void assertBrokenAndValid(ChangeRule rule) {
    ChangeRuleFixture.run(rule, "broken").assertMatchesMarkers();
    ChangeRuleFixture.run(rule, "valid").assertNoFindings();
  }

  /** What {@code rule} says about {@code scenario}. */
  public static List<String> messages(ChangeRule rule, String scenario) {
    return ChangeRuleFixture.run(rule, scenario).diagnostics().stream()
        .map(Diagnostic::message)
        .toList();
  }
}
