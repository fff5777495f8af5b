package dev.zdp.validator;

import java.util.List;

/** The outcome of validation: every diagnostic, in {@link Diagnostic#ORDER}. */
public record Report(List<Diagnostic> diagnostics) {

  public Report {
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
  }

  public long errors() {
    return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
  }

  public long warnings() {
    return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
  }

  /** True when validation fails: any error, or with {@code strict} any warning. */
  public boolean fails(boolean strict) {
    return errors() > 0 || strict && warnings() > 0;
  }
}
