package dev.zdp.generator;

/**
 * The model cannot be rendered as it is (a column type the platform cannot carry, a dataset without
 * a primary key). The validator reports these first; the message names the object and the fix.
 */
public final class GenerationException extends RuntimeException {
  public GenerationException(String message) {
    super(message);
  }
}
