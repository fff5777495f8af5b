package dev.zdp.validator.report;

import dev.zdp.validator.Report;
import java.io.IOException;
import java.io.Writer;

/**
 * One way of writing a validation {@link Report}: plain text for a terminal ({@link TextFormat}),
 * JSON for tools ({@link JsonFormat}), SARIF for code scanning ({@link SarifFormat}), workflow
 * commands for GitHub annotations ({@link GithubFormat}) and GitLab code quality ({@link
 * GitlabFormat}). A format writes the whole report and leaves {@code out} open; the caller flushes
 * and closes it.
 */
public interface ReportFormat {

  /** Writes {@code report} to {@code out}. */
  void write(Report report, Writer out) throws IOException;
}
