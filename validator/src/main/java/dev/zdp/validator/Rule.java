package dev.zdp.validator;

import dev.zdp.model.Model;

/**
 * One check over one model. A rule is a small class with a stable id (used in reports, in {@code
 * spec.rules} and in docs/rules.md), a one-line summary and a default severity. It reports every
 * problem it finds, not just the first; it never throws for a problem in the model.
 */
public interface Rule {

  /** The stable id, lower-case words joined by {@code -}: {@code sink-reference}. */
  String id();

  /** One line saying what the rule requires, for rule listings and SARIF. */
  String summary();

  Severity defaultSeverity();

  /** Checks {@code model} and reports each finding to {@code findings}. */
  void check(Model model, Findings findings);
}
