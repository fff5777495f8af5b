package dev.zdp.validator;

import java.util.List;
import java.util.Optional;

/**
 * The single-model rules zdp runs, by id, in the order they run. The built-in ones are listed in
 * {@code META-INF/services/dev.zdp.validator.Rule} (see {@link Registry}); ids are unique.
 */
public final class RuleRegistry {

  private final Registry<Rule> rules;

  public RuleRegistry(List<Rule> rules) {
    this.rules = new Registry<>(rules);
  }

  /** Every rule zdp ships, in the order they run. */
  public static RuleRegistry builtIn() {
    return new RuleRegistry(Registry.builtIn(Rule.class).rules());
  }

  public List<Rule> rules() {
    return rules.rules();
  }

  public Optional<Rule> rule(String id) {
    return rules.rule(id);
  }
}
