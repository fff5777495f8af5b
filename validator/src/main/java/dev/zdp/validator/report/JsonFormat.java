package dev.zdp.validator.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * The report for tools, in the shape other programs rely on:
 *
 * <pre>
 * {"errors":N,"warnings":N,"diagnostics":[
 *   {"rule","severity","message","file","line","column","object","hint"}]}
 * </pre>
 *
 * Keys always appear, in that order; {@code file}, {@code line}, {@code column}, {@code object} and
 * {@code hint} are {@code null} when the finding has none. Pretty printed with {@code \n} line ends
 * on every platform, so the same report is the same bytes.
 */
public final class JsonFormat implements ReportFormat {

  @Override
  public void write(Report report, Writer out) throws IOException {
    try (JsonGenerator json = JsonWriting.generator(out)) {
      json.writeStartObject();
      json.writeNumberField("errors", report.errors());
      json.writeNumberField("warnings", report.warnings());
      json.writeArrayFieldStart("diagnostics");
      for (Diagnostic d : report.diagnostics()) {
        writeDiagnostic(json, d);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write("\n");
  }

  private static void writeDiagnostic(JsonGenerator json, Diagnostic d) throws IOException {
    Optional<SourceLocation> location = d.location();
    json.writeStartObject();
    json.writeStringField("rule", d.rule());
    json.writeStringField("severity", d.severity().label());
    json.writeStringField("message", d.message());
    json.writeStringField("file", location.map(SourceLocation::file).orElse(null));
    writeNumberOrNull(json, "line", location.map(SourceLocation::line));
    writeNumberOrNull(json, "column", location.map(SourceLocation::column));
    json.writeStringField("object", d.object().map(ObjectPath::toString).orElse(null));
    json.writeStringField("hint", d.hint().isBlank() ? null : d.hint());
    json.writeEndObject();
  }

  private static void writeNumberOrNull(JsonGenerator json, String name, Optional<Integer> value)
      throws IOException {
    if (value.isPresent()) {
      json.writeNumberField(name, value.get());
    } else {
      json.writeNullField(name);
    }
  }
}
