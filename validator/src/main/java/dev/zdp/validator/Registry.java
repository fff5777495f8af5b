package dev.zdp.validator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Rules of one kind by id, in the order they run; ids are unique, and each rule's class declares
 * its {@link RuleInfo}. The one registry mechanism for both kinds of rule: the built-in rules of a
 * kind are the classes listed, one a line, in the kind's {@code META-INF/services/} file of the
 * validator module ({@code dev.zdp.validator.Rule} for single-model rules, {@code
 * dev.zdp.validator.change.ChangeRule} for change rules), read with {@link ServiceLoader}. Adding a
 * rule is adding its class name there, and nowhere else.
 */
public final class Registry<R extends RuleMetadata> {

  private final Map<String, R> rules;

  public Registry(List<R> rules) {
    Map<String, R> byId = new LinkedHashMap<>();
    for (R rule : rules) {
      R previous = byId.putIfAbsent(DeclaredInfo.of(rule).id(), rule);
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
    this.rules = Collections.unmodifiableMap(byId);
  }

  /** Every built-in rule of {@code kind}, in the order its services file lists them. */
  public static <R extends RuleMetadata> Registry<R> builtIn(Class<R> kind) {
    List<R> found =
        ServiceLoader.load(kind, kind.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "no " + kind.getSimpleName() + " listed in META-INF/services/" + kind.getName());
    }
    return new Registry<>(found);
  }

  public List<R> rules() {
    return List.copyOf(rules.values());
  }

  public Optional<R> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  public List<String> ids() {
    return List.copyOf(rules.keySet());
  }
}
