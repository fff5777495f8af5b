package dev.zdp.validator.report;

import dev.zdp.validator.Report;
import java.io.IOException;
import java.io.Writer;

/**
 * One way of writing a validation {@link Report}: plain text for a terminal, JSON for tools, and
 * (planned) SARIF, GitHub annotations and GitLab code quality. A format writes the whole report and
 * leaves {@code out} open; the caller flushes and closes it.
 */
public interface ReportFormat {

  /** Writes {@code report} to {@code out}. */
  void write(Report report, Writer out) throws IOException;
}
