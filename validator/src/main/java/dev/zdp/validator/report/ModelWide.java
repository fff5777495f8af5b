package dev.zdp.validator.report;

import dev.zdp.validator.Diagnostic;

/**
 * Words for findings about the model as a whole, which formats that need a file for every finding
 * (SARIF, GitLab) place at the first line of some model file: the message says the line is not the
 * point.
 */
final class ModelWide {

  private ModelWide() {}

  /** The message of {@code d}, marked as about the whole model when it has no location. */
  static String message(Diagnostic d) {
    if (d.location().isPresent()) {
      return d.message();
    }
    return d.message()
        + " (about the model as a whole"
        + d.object().map(o -> ": " + o).orElse("")
        + ")";
  }
}
