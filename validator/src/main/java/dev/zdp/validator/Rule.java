package dev.zdp.validator;

import dev.zdp.model.Model;

/**
 * One check over one model. A rule is a small class that declares, in its {@link RuleInfo}, a
 * stable id (used in reports, in {@code spec.rules} and in docs/rules.md), a default severity and a
 * one-line summary. It reports every problem it finds, not just the first; it never throws for a
 * problem in the model. Each is listed once in {@code META-INF/services/dev.zdp.validator.Rule}
 * (see {@link Registry}).
 */
public interface Rule extends RuleMetadata {

  /** Checks {@code model} and reports each finding to {@code findings}. */
  void check(Model model, Findings findings);
}
