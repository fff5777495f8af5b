package dev.zdp.validator;

/**
 * What every rule, single-model ({@link Rule}) or change rule, tells about itself: read from the
 * {@link RuleInfo} its class declares, never written as methods of its own. {@link Registry} lists
 * rules by it and {@link RuleLevels} applies {@code spec.rules} by it, the same way for both kinds.
 */
public interface RuleMetadata {

  /** The stable id, lower-case words joined by {@code -}: {@code sink-reference}. */
  default String id() {
    return DeclaredInfo.of(this).id();
  }

  /** One line saying what the rule requires, for rule listings and SARIF. */
  default String summary() {
    return DeclaredInfo.of(this).summary();
  }

  /** The severity of its findings unless {@code spec.rules} sets another level. */
  default Severity defaultSeverity() {
    return DeclaredInfo.of(this).severity();
  }
}
