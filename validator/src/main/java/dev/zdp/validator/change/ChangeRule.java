package dev.zdp.validator.change;

import dev.zdp.validator.RuleMetadata;

/**
 * One check over a change: the live model (base) against the proposed one (head). Like a {@link
 * dev.zdp.validator.Rule}, a change rule is one small class that declares its stable id, default
 * severity and one-line summary in its {@link dev.zdp.validator.RuleInfo}, and it reports every
 * finding, never just the first. Each is listed once in {@code
 * META-INF/services/dev.zdp.validator.change.ChangeRule} (see {@link dev.zdp.validator.Registry})
 * and described in docs/change-rules.md.
 */
public interface ChangeRule extends RuleMetadata {

  /**
   * Ownership, compatibility or deprecation: decides what {@code --allow-breaking-changes} does.
   */
  ChangeCategory category();

  /** Compares {@code change.base()} with {@code change.head()} and reports each finding. */
  void check(ModelChange change, ChangeFindings findings);
}
