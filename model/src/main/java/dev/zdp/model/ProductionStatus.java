package dev.zdp.model;

/** Whether a datastore or workspace serves production. Written in snake case in YAML. */
public enum ProductionStatus {
  PRODUCTION("production"),
  NOT_PRODUCTION("not_production");

  private final String yaml;

  ProductionStatus(String yaml) {
    this.yaml = yaml;
  }

  public String yaml() {
    return yaml;
  }
}
