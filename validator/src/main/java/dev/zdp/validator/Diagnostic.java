package dev.zdp.validator;

import dev.zdp.model.ObjectPath;
import dev.zdp.model.Secrets;
import dev.zdp.model.SourceLocation;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding: which rule, how severe, what is wrong, where (file, line, column and object path),
 * and how to fix it. A secret the message or hint quotes is masked ({@link Secrets#mask}).
 *
 * @param location where the offending node was written; empty only for findings about the model as
 *     a whole (such as "no Ecosystem document")
 * @param object the model object the finding is about; empty when the document could not be read
 *     far enough to name one
 * @param hint how to fix it; empty when the message already says
 */
public record Diagnostic(
    String rule,
    Severity severity,
    String message,
    Optional<SourceLocation> location,
    Optional<ObjectPath> object,
    String hint)
    implements Comparable<Diagnostic> {

  /** Report order: by file, line, column, then rule and message, so output never shuffles. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(
              (Diagnostic d) -> d.location().orElse(null),
              Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(Diagnostic::rule)
          .thenComparing(Diagnostic::message)
          .thenComparing(d -> d.object().map(ObjectPath::toString).orElse(""));

  public Diagnostic {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(hint, "hint");
    // a finding may quote a value the model holds: never a secret, in any report format
    message = Secrets.mask(message);
    hint = Secrets.mask(hint);
  }

  /** The same finding at another severity (rule levels set in the ecosystem). */
  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(rule, newSeverity, message, location, object, hint);
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }
}
