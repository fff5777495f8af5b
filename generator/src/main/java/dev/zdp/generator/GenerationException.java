package dev.zdp.generator;

import dev.zdp.model.ObjectPath;
import java.util.Optional;

/**
 * The model cannot be rendered as it is (a column type the platform cannot carry, a dataset without
 * a primary key, a name that cannot be a file name). The validator reports these first; the message
 * names the object and the fix, and {@link #object} the model object to locate it at, when known.
 */
public final class GenerationException extends RuntimeException {

  private final transient ObjectPath object;

  public GenerationException(String message) {
    this(message, null);
  }

  public GenerationException(String message, ObjectPath object) {
    super(message);
    this.object = object;
  }

  /** The model object the problem is at, for its file and line. */
  public Optional<ObjectPath> object() {
    return Optional.ofNullable(object);
  }
}
