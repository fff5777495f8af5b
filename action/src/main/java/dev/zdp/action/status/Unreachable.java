package dev.zdp.action.status;

/** A platform's service cannot be reached, or did not answer as it should: a finding. */
public final class Unreachable extends Exception {
  public Unreachable(String message, Throwable cause) {
    super(message, cause);
  }
}
