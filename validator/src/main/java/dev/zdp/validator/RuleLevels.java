package dev.zdp.validator;

import dev.zdp.model.RuleLevel;
import java.util.Map;
import java.util.Optional;

/**
 * The levels an Ecosystem's {@code spec.rules} sets, applied the same way to the findings of
 * single-model rules and of change rules.
 */
public record RuleLevels(Map<String, RuleLevel> levels) {

  public RuleLevels {
    levels = Map.copyOf(levels);
  }

  /**
   * {@code finding} at the level {@code spec.rules} sets for its rule: as it is when none is set,
   * empty when the rule is {@code off}.
   */
  public Optional<Diagnostic> apply(Diagnostic finding) {
    RuleLevel level = levels.get(finding.rule());
    if (level == null) {
      return Optional.of(finding);
    }
    if (level == RuleLevel.OFF) {
      return Optional.empty();
    }
    return Optional.of(
        finding.withSeverity(level == RuleLevel.ERROR ? Severity.ERROR : Severity.WARNING));
  }
}
