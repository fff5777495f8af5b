package dev.zdp.validator.report;

import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * The report for a terminal, in the {@code file:line:col: severity [rule] message} shape compilers
 * use, so editors and terminals can jump to the line:
 *
 * <pre>
 * model: error [ecosystem-count] the model has no Ecosystem document
 *   hint: add a document with kind: Ecosystem
 *
 * datastores/crm.yaml:12:7: error [column-type] unknown type 'bigit' for column 'id'
 *   hint: did you mean 'bigint'?
 *
 * 2 errors, 0 warnings in 1 file
 * </pre>
 *
 * Findings about the model as a whole (no line to point at) come first, named by their object path
 * when they have one; then each file's findings in line order, files separated by a blank line;
 * then the totals. A clean report is a single line.
 */
public final class TextFormat implements ReportFormat {

  private final int filesRead;

  /**
   * @param filesRead how many model files were read, for the clean-report line
   */
  public TextFormat(int filesRead) {
    this.filesRead = filesRead;
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    String previousFile = null;
    boolean first = true;
    for (Diagnostic d : report.diagnostics()) {
      String file = d.location().map(SourceLocation::file).orElse(null);
      if (!first && file != null && !file.equals(previousFile)) {
        out.write("\n");
      }
      first = false;
      previousFile = file;
      out.write(where(d) + ": " + d.severity().label() + " [" + d.rule() + "] " + d.message());
      out.write("\n");
      if (!d.hint().isBlank()) {
        out.write("  hint: " + d.hint() + "\n");
      }
    }
    if (!report.diagnostics().isEmpty()) {
      out.write("\n");
    }
    out.write(Totals.describe(report, filesRead) + "\n");
  }

  private static String where(Diagnostic d) {
    Optional<SourceLocation> location = d.location();
    if (location.isPresent()) {
      return location.get().toString();
    }
    return d.object().map(Object::toString).orElse("model");
  }
}
