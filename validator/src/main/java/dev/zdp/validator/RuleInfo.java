package dev.zdp.validator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a rule says about itself, declared once on its class, for single-model rules ({@link Rule})
 * and change rules alike:
 *
 * <pre>{@code
 * @RuleInfo(
 *     id = "sink-reference",
 *     severity = Severity.ERROR,
 *     summary = "A sink names a defined datastore and one of its datasets")
 * public final class SinkReference implements Rule {
 * }</pre>
 *
 * {@link RuleMetadata} reads it; {@link Registry} refuses a rule class without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

  /**
   * The stable id, lower-case words joined by {@code -}: {@code sink-reference}. Used in reports,
   * in {@code spec.rules} and in the docs; it never changes.
   */
  String id();

  /** The severity of the rule's findings unless {@code spec.rules} sets another level. */
  Severity severity();

  /** One line saying what the rule requires, for rule listings and SARIF. */
  String summary();
}
