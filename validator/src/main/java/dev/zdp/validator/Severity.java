package dev.zdp.validator;

/**
 * How much a finding matters. Errors fail validation; warnings fail it only with {@code --strict}.
 */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The lower-case word reports use. */
  public String label() {
    return label;
  }
}
