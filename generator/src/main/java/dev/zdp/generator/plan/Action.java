package dev.zdp.generator.plan;

/** What applying the head's artifacts would do to one thing. */
public enum Action {
  ADD("add"),
  CHANGE("change"),
  DESTROY("destroy");

  private final String label;

  Action(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
