package dev.zdp.model.load;

/**
 * The model could not be read at all: the directory does not exist, the git ref is unknown, the
 * base commit is missing from a shallow clone. The message is one line for the user.
 */
public final class ModelSourceException extends Exception {
  public ModelSourceException(String message) {
    super(message);
  }

  public ModelSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
