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
      out.write(
          escape(where(d))
              + ": "
              + d.severity().label()
              + " ["
              + d.rule()
              + "] "
              + escape(d.message()));
      out.write("\n");
      if (!d.hint().isBlank()) {
        out.write("  hint: " + escape(d.hint()) + "\n");
      }
    }
    if (!report.diagnostics().isEmpty()) {
      out.write("\n");
    }
    out.write(Totals.describe(report, filesRead) + "\n");
  }

  /**
   * {@code text} with every control, format and line-separator character written as an escape
   * ({@code \\n}, {@code \\u001B}): a model string or file name cannot move the terminal's cursor,
   * color it, or start a line a CI reads as a command ({@code ::warning ...}).
   */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      boolean invisible =
          type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR
              || Character.isSurrogate(c)
                  && !(Character.isHighSurrogate(c)
                      && i + 1 < text.length()
                      && Character.isLowSurrogate(text.charAt(i + 1)))
                  && !(Character.isLowSurrogate(c)
                      && i > 0
                      && Character.isHighSurrogate(text.charAt(i - 1)));
      if (!invisible) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out == null ? text : out.toString();
  }

  private static String where(Diagnostic d) {
    Optional<SourceLocation> location = d.location();
    if (location.isPresent()) {
      return location.get().toString();
    }
    return d.object().map(Object::toString).orElse("model");
  }
}
