package dev.zdp.validator.change;

/**
 * What a change rule protects, which decides whether {@code --allow-breaking-changes} may turn its
 * errors into warnings.
 */
public enum ChangeCategory {
  /** Who may change what. Never overridden. */
  OWNERSHIP(false),
  /** What consumers of a dataset rely on. Overridable with {@code --allow-breaking-changes}. */
  COMPATIBILITY(true),
  /**
   * What a platform's deploy can apply to running pipelines. Never overridden: the override accepts
   * breaking consumers, not a deploy whose jobs then fail.
   */
  PLATFORM(false),
  /**
   * The deprecation protocol between producers and consumers. No change rule is of this category:
   * the single-model rule {@code deprecation} guards the protocol in every model, and {@link
   * ChangeValidator} counts it here. Overridable likewise.
   */
  DEPRECATION(true);

  private final boolean overridable;

  ChangeCategory(boolean overridable) {
    this.overridable = overridable;
  }

  /** True when {@code --allow-breaking-changes} turns this category's errors into warnings. */
  public boolean overridable() {
    return overridable;
  }
}
