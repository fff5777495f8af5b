package dev.zdp.action.cli;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.model.Suggestions;
import java.util.List;

/** Options that take one of a few names, such as {@code --format}. */
final class Choices {

  private Choices() {}

  /**
   * Fails unless {@code value} is one of {@code allowed}, naming the nearest one and all of them.
   */
  static void check(String option, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new CannotRun(
          "unknown value '"
              + value
              + "' for "
              + option
              + "; "
              + Suggestions.nearest(value, allowed)
                  .map(s -> "did you mean '" + s + "'? ")
                  .orElse("")
              + "use one of "
              + String.join(", ", allowed));
    }
  }
}
