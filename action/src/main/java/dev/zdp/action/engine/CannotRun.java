package dev.zdp.action.engine;

/**
 * zdp cannot do what it was asked, for a reason the user can fix: the message is the one line shown
 * after {@code zdp: }, naming the bad input and what to do about it. Exit code 2 ({@code
 * ExitCodes.CANNOT_RUN}).
 */
public final class CannotRun extends RuntimeException {

  public CannotRun(String message) {
    super(message);
  }

  public CannotRun(String message, Throwable cause) {
    super(message, cause);
  }
}
