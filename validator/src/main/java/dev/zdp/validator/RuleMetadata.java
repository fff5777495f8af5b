package dev.zdp.validator;

/**
 * What every rule declares about itself, single-model ({@link Rule}) or change rule: a stable id
 * (used in reports, in {@code spec.rules} and in the docs), a one-line summary and a default
 * severity. {@link Registry} lists rules by it and {@link RuleLevels} applies {@code spec.rules} by
 * it, the same way for both kinds.
 */
public interface RuleMetadata {

  /** The stable id, lower-case words joined by {@code -}: {@code sink-reference}. */
  String id();

  /** One line saying what the rule requires, for rule listings and SARIF. */
  String summary();

  Severity defaultSeverity();
}
