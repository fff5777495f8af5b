package dev.zdp.validator.report;

import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import java.util.Optional;

/**
 * The one-line summary of a report, as a user reads it at the end of the text output or after
 * {@code --output}: {@code 2 errors, 1 warning in 3 files}, or {@code no problems found in 12 model
 * files} when the report is clean.
 */
public final class Totals {

  private Totals() {}

  /**
   * Summarizes {@code report}.
   *
   * @param filesRead how many model files were read, for the line that says nothing was found
   */
  public static String describe(Report report, int filesRead) {
    if (report.diagnostics().isEmpty()) {
      return "no problems found in " + count(filesRead, "model file", "model files");
    }
    long filesWithFindings =
        report.diagnostics().stream()
            .map(Diagnostic::location)
            .flatMap(Optional::stream)
            .map(SourceLocation::file)
            .distinct()
            .count();
    String counts =
        count(report.errors(), "error", "errors")
            + ", "
            + count(report.warnings(), "warning", "warnings");
    return filesWithFindings == 0
        ? counts
        : counts + " in " + count(filesWithFindings, "file", "files");
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
