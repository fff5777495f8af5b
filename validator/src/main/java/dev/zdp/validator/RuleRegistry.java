package dev.zdp.validator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one explicit list of rules zdp runs. A new rule is added to {@link #builtIn()}, and nowhere
 * else; ids are unique.
 */
public final class RuleRegistry {

  private final Map<String, Rule> rules;

  public RuleRegistry(List<Rule> rules) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule rule : rules) {
      Rule previous = byId.putIfAbsent(rule.id(), rule);
      if (previous != null) {
        throw new IllegalArgumentException(
            "two rules share the id '"
                + rule.id()
                + "': "
                + previous.getClass().getName()
                + " and "
                + rule.getClass().getName());
      }
    }
    this.rules = java.util.Collections.unmodifiableMap(byId);
  }

  /** Every rule zdp ships, in the order they run. */
  public static RuleRegistry builtIn() {
    return new RuleRegistry(List.of());
  }

  public List<Rule> rules() {
    return List.copyOf(rules.values());
  }

  public Optional<Rule> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }
}
