package dev.zdp.validator.change;

import dev.zdp.model.platform.Consumer;
import java.util.ArrayList;
import java.util.List;

/** How change rules name the consumers (intention graph edges) a change would break. */
public final class Consumers {

  private Consumers() {}

  /** {@code workspace 'churn' (team analytics)}. */
  public static String describe(Consumer consumer) {
    return "workspace '" + consumer.workspace() + "' (team " + consumer.team() + ")";
  }

  /**
   * The distinct consuming workspaces, in the given order: {@code workspace 'churn' (team
   * analytics) and workspace 'ledger' (team finance)}.
   */
  public static String describe(List<Consumer> consumers) {
    List<String> names = new ArrayList<>();
    for (Consumer c : consumers) {
      String name = describe(c);
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }
}
