package dev.zdp.model;

/** What an ecosystem's {@code spec.rules} sets a rule to. */
public enum RuleLevel {
  OFF("off"),
  WARNING("warning"),
  ERROR("error");

  private final String yaml;

  RuleLevel(String yaml) {
    this.yaml = yaml;
  }

  public String yaml() {
    return yaml;
  }
}
