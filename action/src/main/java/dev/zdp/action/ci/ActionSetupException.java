package dev.zdp.action.ci;

/**
 * The action cannot run in this environment (an unknown event, a missing variable, a bad input):
 * the message is the one line shown after {@code zdp: }, and the exit code is 2.
 */
public final class ActionSetupException extends RuntimeException {

  public ActionSetupException(String message) {
    super(message);
  }

  public ActionSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
