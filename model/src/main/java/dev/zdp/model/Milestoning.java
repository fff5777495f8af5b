package dev.zdp.model;

/**
 * How a consumer wants a dataset kept: {@code live} keeps the latest row per key, {@code forensic}
 * keeps every version with the batch that brought it in and the batch that closed it.
 */
public enum Milestoning {
  LIVE("live"),
  FORENSIC("forensic");

  private final String yaml;

  Milestoning(String yaml) {
    this.yaml = yaml;
  }

  public String yaml() {
    return yaml;
  }
}
