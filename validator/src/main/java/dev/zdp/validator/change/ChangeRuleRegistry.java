package dev.zdp.validator.change;

import dev.zdp.validator.Registry;
import dev.zdp.validator.Severity;
import dev.zdp.validator.report.RuleDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The change rules, kept apart from the single-model {@link dev.zdp.validator.RuleRegistry} by the
 * same {@link Registry} mechanism: the built-in ones are listed in {@code
 * META-INF/services/dev.zdp.validator.change.ChangeRule}; ids are unique.
 */
public final class ChangeRuleRegistry {

  private final Registry<ChangeRule> rules;

  public ChangeRuleRegistry(List<ChangeRule> rules) {
    this.rules = new Registry<>(rules);
  }

  /** Every change rule zdp ships, in the order they run. */
  public static ChangeRuleRegistry builtIn() {
    return new ChangeRuleRegistry(Registry.builtIn(ChangeRule.class).rules());
  }

  public List<ChangeRule> rules() {
    return rules.rules();
  }

  /**
   * The ids of every change rule, which {@link ChangeValidator} lets {@code spec.rules} set without
   * reporting them as unknown.
   */
  public List<String> ids() {
    return rules.ids();
  }

  /**
   * What reports say about every id the change rules can add: each rule (its level adjustable in
   * {@code spec.rules} unless it is an ownership rule), then {@value ChangeValidator#INVALID_BASE}.
   * Formats that list rules (SARIF, GitHub titles) take these besides {@link
   * RuleDescription#allOf}.
   */
  public List<RuleDescription> descriptions() {
    List<RuleDescription> all = new ArrayList<>();
    for (ChangeRule rule : rules.rules()) {
      all.add(
          new RuleDescription(
              rule.id(),
              rule.summary(),
              rule.defaultSeverity(),
              rule.category() != ChangeCategory.OWNERSHIP));
    }
    all.add(
        new RuleDescription(
            ChangeValidator.INVALID_BASE,
            "The live (base) model is valid; its problems are warnings that never block the change"
                + " that fixes them",
            Severity.WARNING,
            false));
    return List.copyOf(all);
  }

  public Optional<ChangeRule> rule(String id) {
    return rules.rule(id);
  }
}
