package dev.zdp.action.cli;

/**
 * zdp cannot do what it was asked, for a reason the user can fix: the message is the one line shown
 * after {@code zdp: }, naming the bad input and what to do about it. Exit code {@value
 * ExitCodes#CANNOT_RUN}.
 */
final class CannotRun extends RuntimeException {

  CannotRun(String message) {
    super(message);
  }

  CannotRun(String message, Throwable cause) {
    super(message, cause);
  }
}
