package dev.zdp.action.cli;

/** The exit codes of every {@code zdp} command; outside tests and CI jobs rely on them. */
final class ExitCodes {

  /** No errors (warnings alone, unless {@code --strict}). */
  static final int OK = 0;

  /**
   * The model has errors (malformed YAML included), or warnings under {@code --strict}; for {@code
   * reconcile} also an apply that failed: both leave the platform apart from the model until a
   * person fixes the model or the platform.
   */
  static final int FINDINGS = 1;

  /** zdp could not run: bad arguments, a model that cannot be read, an unexpected failure. */
  static final int CANNOT_RUN = 2;

  private ExitCodes() {}
}
