package dev.zdp.validator.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The report as SARIF 2.1.0, the format GitHub code scanning (and most code review tools) reads:
 * one run of the tool {@code zdp}, every rule described once, every finding a result at its file,
 * line and column.
 *
 * <ul>
 *   <li>{@code tool.driver.rules} lists every id a report can carry (the rules, the load problems
 *       and {@code rule-config}), each with its summary, a longer description, its default level
 *       and a link to its entry in docs/rules.md. An id that appears in the report but is not
 *       described (a rule added for a test) is appended with its id as summary.
 *   <li>A result's file is a URI relative to {@code %SRCROOT%} (the repository root, where CI runs
 *       zdp), with {@code /} separators and percent-encoding; a file named by an absolute path
 *       becomes a {@code file:} URI without base. Its object path is the logical location.
 *   <li>Findings about the model as a whole have no line; GitHub rejects a result without a
 *       location, so they are placed at line 1 of the {@code modelWideFile} given (the CLI gives
 *       the first model file read, in path order) and say so in their message.
 *   <li>Columns count Unicode code points, as the loader reports them ({@code columnKind
 *       unicodeCodePoints}).
 *   <li>{@code partialFingerprints} carries {@value #FINGERPRINT_KEY}: see {@link Fingerprints}. It
 *       ignores line numbers, so a finding keeps its identity when lines move.
 * </ul>
 *
 * Nothing in the output depends on the time or the machine: the same report is the same bytes.
 */
public final class SarifFormat implements ReportFormat {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT_KEY = "zdpFinding/v1";
  static final String SOURCE_ROOT = "%SRCROOT%";

  private final Optional<String> version;
  private final List<RuleDescription> rules;
  private final String modelWideFile;

  /**
   * @param version zdp's version, when known (a packaged build); a development build says so
   * @param rules every id the report can carry, in the order SARIF lists them
   * @param modelWideFile the file at whose first line findings without a location are placed
   */
  public SarifFormat(Optional<String> version, List<RuleDescription> rules, String modelWideFile) {
    this.version = Objects.requireNonNull(version, "version");
    this.rules = List.copyOf(rules);
    this.modelWideFile = Objects.requireNonNull(modelWideFile, "modelWideFile");
  }

  @Override
  public void write(Report report, Writer out) throws IOException {
    List<RuleDescription> described = describedRules(report);
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (RuleDescription rule : described) {
      ruleIndex.put(rule.id(), ruleIndex.size());
    }
    List<String> fingerprints = Fingerprints.of(report);
    try (JsonGenerator json = JsonWriting.generator(out)) {
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      writeTool(json, described);
      json.writeStringField("columnKind", "unicodeCodePoints");
      json.writeArrayFieldStart("results");
      for (int i = 0; i < report.diagnostics().size(); i++) {
        Diagnostic d = report.diagnostics().get(i);
        writeResult(json, d, ruleIndex.get(d.rule()), fingerprints.get(i));
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write("\n");
  }

  /** The rules given, then any id of the report they do not describe, sorted. */
  private List<RuleDescription> describedRules(Report report) {
    List<RuleDescription> all = new ArrayList<>(rules);
    TreeSet<String> undescribed = new TreeSet<>();
    for (Diagnostic d : report.diagnostics()) {
      if (rules.stream().noneMatch(r -> r.id().equals(d.rule()))) {
        undescribed.add(d.rule());
      }
    }
    for (String id : undescribed) {
      all.add(new RuleDescription(id, id, Severity.ERROR, true));
    }
    return all;
  }

  private void writeTool(JsonGenerator json, List<RuleDescription> described) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "zdp");
    json.writeStringField("informationUri", Documentation.HOME);
    if (version.isPresent()) {
      json.writeStringField("version", version.get());
      json.writeStringField("semanticVersion", version.get());
    } else {
      json.writeStringField("version", "development build");
    }
    json.writeArrayFieldStart("rules");
    for (RuleDescription rule : described) {
      json.writeStartObject();
      json.writeStringField("id", rule.id());
      json.writeStringField("name", rule.identifier());
      writeText(json, "shortDescription", rule.summary());
      writeText(json, "fullDescription", rule.fullDescription());
      json.writeStringField("helpUri", Documentation.rule(rule.id()));
      writeText(
          json,
          "help",
          rule.fullDescription() + " Why, and how to fix it: " + Documentation.rule(rule.id()));
      json.writeObjectFieldStart("defaultConfiguration");
      json.writeStringField("level", rule.defaultSeverity().label());
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private void writeResult(JsonGenerator json, Diagnostic d, Integer ruleIndex, String fingerprint)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", d.rule());
    json.writeNumberField("ruleIndex", ruleIndex);
    json.writeStringField("level", d.severity().label());
    writeText(json, "message", messageText(d));
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    SourceLocation location = d.location().orElse(SourceLocation.fileStart(modelWideFile));
    writePhysicalLocation(json, location);
    if (d.object().isPresent()) {
      writeLogicalLocation(json, d.object().get());
    }
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(FINGERPRINT_KEY, fingerprint);
    json.writeEndObject();
    json.writeEndObject();
  }

  private static String messageText(Diagnostic d) {
    String text = ModelWide.message(d);
    return d.hint().isBlank() ? text : text + "\nhint: " + d.hint();
  }

  private static void writePhysicalLocation(JsonGenerator json, SourceLocation location)
      throws IOException {
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    ArtifactUri uri = ArtifactUri.of(location.file());
    json.writeStringField("uri", uri.uri());
    if (uri.base().isPresent()) {
      json.writeStringField("uriBaseId", uri.base().get());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", location.line());
    json.writeNumberField("startColumn", location.column());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeLogicalLocation(JsonGenerator json, ObjectPath object)
      throws IOException {
    json.writeArrayFieldStart("logicalLocations");
    json.writeStartObject();
    List<String> segments = object.segments();
    json.writeStringField("name", segments.get(segments.size() - 1));
    json.writeStringField("fullyQualifiedName", object.toString());
    json.writeEndObject();
    json.writeEndArray();
  }

  private static void writeText(JsonGenerator json, String field, String text) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("text", text);
    json.writeEndObject();
  }

  /**
   * A file name of the report as a SARIF artifact location.
   *
   * @param base {@code %SRCROOT%} for a relative name, empty for an absolute one
   */
  record ArtifactUri(String uri, Optional<String> base) {

    static ArtifactUri of(String file) {
      String path = file.replace('\\', '/');
      if (path.startsWith("/")) {
        return new ArtifactUri("file://" + encode(path, false), Optional.empty());
      }
      if (path.length() > 2 && path.charAt(1) == ':' && path.charAt(2) == '/') {
        return new ArtifactUri("file:///" + encode(path, true), Optional.empty());
      }
      return new ArtifactUri(encode(path, false), Optional.of(SOURCE_ROOT));
    }

    /**
     * Percent-encodes the UTF-8 bytes of everything but RFC 3986's unreserved characters and {@code
     * /}; with {@code drive}, the colon after a drive letter stays, so {@code C:/x} reads as a
     * path.
     */
    private static String encode(String path, boolean drive) {
      StringBuilder uri = new StringBuilder();
      byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < bytes.length; i++) {
        int b = bytes[i] & 0xff;
        boolean unreserved =
            b >= 'a' && b <= 'z'
                || b >= 'A' && b <= 'Z'
                || b >= '0' && b <= '9'
                || b == '-'
                || b == '.'
                || b == '_'
                || b == '~'
                || b == '/';
        boolean driveColon = drive && i == 1;
        if (unreserved || driveColon) {
          uri.append((char) b);
        } else {
          uri.append('%').append(String.format("%02X", b));
        }
      }
      return uri.toString();
    }
  }
}
