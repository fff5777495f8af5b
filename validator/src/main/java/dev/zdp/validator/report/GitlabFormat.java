package dev.zdp.validator.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * The report as a GitLab code quality report (the Code Climate subset GitLab reads), which merge
 * requests show as new and fixed findings:
 *
 * <pre>
 * [{"description": "Cannot sink dataset 'crm.customer': ... (hint: did you mean 'customers'?)",
 *   "check_name": "sink-reference",
 *   "fingerprint": "3f2a...",
 *   "severity": "major",
 *   "location": {"path": "models/sinks.yaml", "lines": {"begin": 11}}}]
 * </pre>
 *
 * <ul>
 *   <li>{@code severity}: an error is {@code major}, a warning {@code minor}. GitLab's {@code
 *       critical} and {@code blocker} are left for findings worse than a failed check, which zdp
 *       does not have.
 *   <li>{@code fingerprint}: see {@link Fingerprints}; it ignores the line, so GitLab does not
 *       report a finding as fixed and new again when lines are added above it.
 *   <li>{@code location.path} is the file as the report names it (relative to where zdp ran: run it
 *       from the repository root); {@code lines.begin} is its line (GitLab has no column). Findings
 *       about the model as a whole are placed at line 1 of the {@code modelWideFile} given, since
 *       GitLab needs a path.
 * </ul>
 *
 * A clean report is {@code []}. Entries come in report order; the same report is the same bytes.
 */
public final class GitlabFormat implements ReportFormat {

  private final String modelWideFile;

  /**
   * @param modelWideFile the file at whose first line findings without a location are placed
   */
  public GitlabFormat(String modelWideFile) {
    this.modelWideFile = Objects.requireNonNull(modelWideFile, "modelWideFile");
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    List<String> fingerprints = Fingerprints.of(report);
    try (JsonGenerator json = JsonWriting.generator(out)) {
      json.writeStartArray();
      for (int i = 0; i < report.diagnostics().size(); i++) {
        writeIssue(json, report.diagnostics().get(i), fingerprints.get(i));
      }
      json.writeEndArray();
    }
    out.write("\n");
  }

  private void writeIssue(JsonGenerator json, Diagnostic d, String fingerprint) throws IOException {
    SourceLocation location = d.location().orElse(SourceLocation.fileStart(modelWideFile));
    json.writeStartObject();
    json.writeStringField("description", description(d));
    json.writeStringField("check_name", d.rule());
    json.writeStringField("fingerprint", fingerprint);
    json.writeStringField("severity", severity(d.severity()));
    json.writeObjectFieldStart("location");
    json.writeStringField("path", location.file());
    json.writeObjectFieldStart("lines");
    json.writeNumberField("begin", location.line());
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static String description(Diagnostic d) {
    String text = ModelWide.message(d);
    return d.hint().isBlank() ? text : text + " (hint: " + d.hint() + ")";
  }

  /** GitLab's severity for ours: {@code major} for an error, {@code minor} for a warning. */
  static String severity(Severity severity) {
    return switch (severity) {
      case ERROR -> "major";
      case WARNING -> "minor";
    };
  }
}
