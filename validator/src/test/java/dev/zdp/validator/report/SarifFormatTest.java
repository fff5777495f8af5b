package dev.zdp.validator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.model.load.LoadProblem;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SarifFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<RuleDescription> RULES = RuleDescription.allOf(RuleRegistry.builtIn());
  private static final Schema SARIF_SCHEMA = sarifSchema();

  private static String sarif(Report report) throws IOException {
    return sarif(report, Optional.of("1.2.3"));
  }

  private static String sarif(Report report, Optional<String> version) throws IOException {
    StringWriter out = new StringWriter();
    new SarifFormat(version, RULES, "model/ecosystem.yaml").write(report, out);
    return out.toString();
  }

  private static JsonNode run(String sarif) throws IOException {
    JsonNode root = JSON.readTree(sarif);
    assertThat(root.get("runs")).hasSize(1);
    return root.get("runs").get(0);
  }

  @Test
  void theBrokenExampleIsValidSarif() throws IOException, ModelSourceException {
    String sarif = sarif(BrokenExample.report());

    assertThat(SARIF_SCHEMA.validate(sarif, InputFormat.JSON)).isEmpty();
    assertThat(run(sarif).get("results")).hasSize(BrokenExample.report().diagnostics().size());
  }

  @Test
  void reportsWithModelWideFindingsUndescribedRulesAndNoVersionAreValidSarif() throws IOException {
    assertThat(
            SARIF_SCHEMA.validate(sarif(Diagnostics.mixed(), Optional.empty()), InputFormat.JSON))
        .isEmpty();
    assertThat(SARIF_SCHEMA.validate(sarif(new Report(List.of())), InputFormat.JSON)).isEmpty();
  }

  @Test
  void theSchemaCheckRejectsWhatGithubWouldReject() throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(sarif(Diagnostics.mixed()));
    ObjectNode result = (ObjectNode) root.get("runs").get(0).get("results").get(0);
    result.put("level", "fatal");
    root.put("version", "2.0.0");

    assertThat(SARIF_SCHEMA.validate(root.toString(), InputFormat.JSON))
        .extracting(e -> e.getInstanceLocation().toString())
        .contains("/version", "/runs/0/results/0/level");
  }

  @Test
  void theSchemaIsTheRecordedOasisCopy() throws IOException, NoSuchAlgorithmException {
    byte[] schema;
    try (InputStream in = schemaStream()) {
      schema = in.readAllBytes();
    }
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(schema));

    assertThat(sha256)
        .as("see src/test/resources/sarif/README.md")
        .isEqualTo("4ca040808b0e8415ce63c323702ebf2a7d96fe949d4a1f67dec2d34a5e3aecd0");
  }

  @Test
  void describesTheToolAndEveryRuleLoadProblemAndRuleConfig() throws IOException {
    JsonNode root = JSON.readTree(sarif(new Report(List.of())));
    assertThat(root.get("$schema").asText()).isEqualTo(SarifFormat.SCHEMA);
    assertThat(root.get("version").asText()).isEqualTo("2.1.0");
    JsonNode driver = root.get("runs").get(0).get("tool").get("driver");

    assertThat(driver.get("name").asText()).isEqualTo("zdp");
    assertThat(driver.get("informationUri").asText()).startsWith("https://");
    assertThat(driver.get("semanticVersion").asText()).isEqualTo("1.2.3");
    assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
    List<String> ids = new ArrayList<>();
    driver.get("rules").forEach(r -> ids.add(r.get("id").asText()));
    List<String> expected = new ArrayList<>();
    RuleRegistry.builtIn().rules().forEach(r -> expected.add(r.id()));
    for (LoadProblem.Code code : LoadProblem.Code.values()) {
      expected.add(code.id());
    }
    expected.add(RuleDescription.RULE_CONFIG);
    assertThat(ids).containsExactlyElementsOf(expected);
  }

  @Test
  void eachRuleHasItsSummaryLevelAndDocumentationLink() throws IOException {
    JsonNode rules = run(sarif(new Report(List.of()))).get("tool").get("driver").get("rules");
    Rule sinkReference = RuleRegistry.builtIn().rule("sink-reference").orElseThrow();

    JsonNode rule = find(rules, "sink-reference");
    assertThat(rule.get("name").asText()).isEqualTo("SinkReference");
    assertThat(rule.get("shortDescription").get("text").asText())
        .isEqualTo(sinkReference.summary());
    assertThat(rule.get("fullDescription").get("text").asText())
        .startsWith(sinkReference.summary())
        .contains("spec.rules");
    assertThat(rule.get("helpUri").asText()).endsWith("/docs/rules.md#sink-reference");
    assertThat(rule.get("defaultConfiguration").get("level").asText()).isEqualTo("error");

    JsonNode yaml = find(rules, "yaml-syntax");
    assertThat(yaml.get("fullDescription").get("text").asText()).contains("Always an error");
    assertThat(yaml.get("helpUri").asText()).endsWith("/docs/rules.md#yaml-syntax");
  }

  @Test
  void aDevelopmentBuildHasNoSemanticVersion() throws IOException {
    JsonNode driver = run(sarif(new Report(List.of()), Optional.empty())).get("tool").get("driver");

    assertThat(driver.get("version").asText()).isEqualTo("development build");
    assertThat(driver.has("semanticVersion")).isFalse();
  }

  @Test
  void aResultPointsAtItsRuleFileLineColumnAndObject() throws IOException {
    JsonNode run = run(sarif(new Report(List.of(Diagnostics.UNKNOWN_DATASET))));
    JsonNode result = run.get("results").get(0);

    assertThat(result.get("ruleId").asText()).isEqualTo("sink-reference");
    int index = result.get("ruleIndex").asInt();
    assertThat(run.get("tool").get("driver").get("rules").get(index).get("id").asText())
        .isEqualTo("sink-reference");
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.get("message").get("text").asText())
        .isEqualTo(
            "Cannot sink dataset 'crm.customers': datastore 'crm' has no dataset 'customers'\n"
                + "hint: did you mean 'customer'?");
    JsonNode location = result.get("locations").get(0);
    JsonNode physical = location.get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asText())
        .isEqualTo("workspaces/churn.yaml");
    assertThat(physical.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(9);
    assertThat(physical.get("region").get("startColumn").asInt()).isEqualTo(11);
    JsonNode logical = location.get("logicalLocations").get(0);
    assertThat(logical.get("fullyQualifiedName").asText())
        .isEqualTo("Workspace/churn/datasetGroups[feed]/sinks[crm.customers]");
    assertThat(logical.get("name").asText()).isEqualTo("sinks[crm.customers]");
  }

  @Test
  void warningsAreWarningsAndAMessageWithoutHintIsTheMessage() throws IOException {
    JsonNode result =
        run(sarif(new Report(List.of(Diagnostics.UNCLASSIFIED)))).get("results").get(0);

    assertThat(result.get("level").asText()).isEqualTo("warning");
    assertThat(result.get("message").get("text").asText())
        .isEqualTo("dataset 'crm.orders' has no classifications");
  }

  @Test
  void aFindingAboutTheWholeModelIsPlacedAtTheFirstLineOfTheModelWideFile() throws IOException {
    JsonNode result =
        run(sarif(new Report(List.of(Diagnostics.MISSING_ECOSYSTEM)))).get("results").get(0);

    JsonNode physical = result.get("locations").get(0).get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asText())
        .isEqualTo("model/ecosystem.yaml");
    assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(1);
    assertThat(result.get("locations").get(0).has("logicalLocations")).isFalse();
    assertThat(result.get("message").get("text").asText())
        .startsWith("the model has no Ecosystem document (about the model as a whole)");
  }

  @Test
  void anIdNoDescriptionCoversIsAppendedSoEveryResultHasARuleIndex() throws IOException {
    JsonNode run = run(sarif(Diagnostics.mixed()));
    JsonNode rules = run.get("tool").get("driver").get("rules");

    assertThat(rules).hasSize(RULES.size() + 3);
    for (JsonNode result : run.get("results")) {
      assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText())
          .isEqualTo(result.get("ruleId").asText());
    }
  }

  @Test
  void fingerprintsIgnoreTheLineAndDifferBetweenFindings() throws IOException {
    Diagnostic moved =
        new Diagnostic(
            Diagnostics.BAD_TYPE.rule(),
            Diagnostics.BAD_TYPE.severity(),
            Diagnostics.BAD_TYPE.message(),
            Optional.of(new SourceLocation("datastores/crm.yaml", 40, 19)),
            Diagnostics.BAD_TYPE.object(),
            Diagnostics.BAD_TYPE.hint());

    List<String> before = fingerprints(sarif(Diagnostics.mixed()));
    List<String> again = fingerprints(sarif(Diagnostics.mixed()));
    String movedPrint = fingerprints(sarif(new Report(List.of(moved)))).get(0);

    assertThat(again).isEqualTo(before).doesNotHaveDuplicates();
    assertThat(before).contains(movedPrint);
  }

  @Test
  void filesBecomeUrisRelativeToTheSourceRootOrFileUris() {
    assertThat(SarifFormat.ArtifactUri.of("models/crm.yaml"))
        .isEqualTo(new SarifFormat.ArtifactUri("models/crm.yaml", Optional.of("%SRCROOT%")));
    assertThat(SarifFormat.ArtifactUri.of("my models\\sales #1/crm%.yaml").uri())
        .isEqualTo("my%20models/sales%20%231/crm%25.yaml");
    assertThat(SarifFormat.ArtifactUri.of("données/é.yaml").uri())
        .isEqualTo("donn%C3%A9es/%C3%A9.yaml");
    assertThat(SarifFormat.ArtifactUri.of("a:b/c.yaml").uri()).isEqualTo("a%3Ab/c.yaml");
    assertThat(SarifFormat.ArtifactUri.of("/home/ci/model/crm.yaml"))
        .isEqualTo(new SarifFormat.ArtifactUri("file:///home/ci/model/crm.yaml", Optional.empty()));
    assertThat(SarifFormat.ArtifactUri.of("C:\\work\\model\\crm.yaml"))
        .isEqualTo(new SarifFormat.ArtifactUri("file:///C:/work/model/crm.yaml", Optional.empty()));
  }

  @Test
  void theSameReportIsTheSameBytes() throws IOException, ModelSourceException {
    assertThat(sarif(BrokenExample.report())).isEqualTo(sarif(BrokenExample.report()));
  }

  @Test
  void unusualPathsStillMakeValidSarif() throws IOException {
    Diagnostic odd =
        new Diagnostic(
            "sink-reference",
            Severity.WARNING,
            "a message with \"quotes\", a tab\tand\nnew lines",
            Optional.of(new SourceLocation("my models/données #1.yaml", 3, 4)),
            Optional.of(ObjectPath.of(Kind.DATASTORE, "crm")),
            "");
    Diagnostic absolute =
        new Diagnostic(
            "sink-reference",
            Severity.ERROR,
            "absolute",
            Optional.of(new SourceLocation("/tmp/model/crm.yaml", 1, 1)),
            Optional.empty(),
            "");

    assertThat(SARIF_SCHEMA.validate(sarif(new Report(List.of(odd, absolute))), InputFormat.JSON))
        .isEmpty();
  }

  private static List<String> fingerprints(String sarif) throws IOException {
    List<String> prints = new ArrayList<>();
    for (JsonNode result : run(sarif).get("results")) {
      prints.add(result.get("partialFingerprints").get(SarifFormat.FINGERPRINT_KEY).asText());
    }
    return prints;
  }

  private static JsonNode find(JsonNode rules, String id) {
    for (JsonNode rule : rules) {
      if (rule.get("id").asText().equals(id)) {
        return rule;
      }
    }
    throw new AssertionError("no rule " + id);
  }

  private static InputStream schemaStream() {
    return SarifFormatTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json");
  }

  private static Schema sarifSchema() {
    try (InputStream in = schemaStream()) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
