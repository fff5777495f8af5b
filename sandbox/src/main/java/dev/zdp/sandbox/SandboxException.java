package dev.zdp.sandbox;

/** A part of the sandbox failed to start, answer or stop; the message says which and why. */
public class SandboxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SandboxException(String message) {
    super(message);
  }

  public SandboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
