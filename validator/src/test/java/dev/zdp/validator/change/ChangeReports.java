package dev.zdp.validator.change;

import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Severity;
import java.util.List;

/** Reading reports in tests: the findings of the change rules, apart from the single-model ones. */
public final class ChangeReports {

  private static final ChangeRuleRegistry CHANGE_RULES = ChangeRuleRegistry.builtIn();

  private ChangeReports() {}

  /** Every diagnostic a change rule made. */
  public static List<Diagnostic> changeFindings(Report report) {
    return report.diagnostics().stream()
        .filter(d -> CHANGE_RULES.rule(d.rule()).isPresent())
        .toList();
  }

  /** The rule ids of the change rules' errors, in report order. */
  public static List<String> changeErrors(Report report) {
    return changeFindings(report).stream()
        .filter(d -> d.severity() == Severity.ERROR)
        .map(Diagnostic::rule)
        .toList();
  }

  /** The one diagnostic of {@code rule}; fails when there are none or several. */
  public static Diagnostic only(Report report, String rule) {
    List<Diagnostic> found =
        report.diagnostics().stream().filter(d -> d.rule().equals(rule)).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one '" + rule + "' finding, got " + found);
    }
    return found.get(0);
  }

  /** {@code file:line} of a diagnostic, for assertions. */
  public static String at(Diagnostic d) {
    return d.location().map(l -> l.file() + ":" + l.line()).orElse("(no location)");
  }
}
