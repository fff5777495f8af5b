package dev.zdp.validator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zdp.model.SourceLocation;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitlabFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String gitlab(Report report) throws IOException {
    StringWriter out = new StringWriter();
    new GitlabFormat("model/ecosystem.yaml").write(report, out);
    return out.toString();
  }

  private static JsonNode issues(Report report) throws IOException {
    JsonNode root = JSON.readTree(gitlab(report));
    assertThat(root.isArray()).isTrue();
    return root;
  }

  @Test
  void eachFindingIsACodeQualityIssueInReportOrder() throws IOException {
    JsonNode issues = issues(Diagnostics.mixed());

    assertThat(issues).hasSize(4);
    JsonNode sink = issues.get(3);
    List<String> fields = new ArrayList<>();
    sink.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly("description", "check_name", "fingerprint", "severity", "location");
    assertThat(sink.get("description").asText())
        .isEqualTo(
            "Cannot sink dataset 'crm.customers': datastore 'crm' has no dataset 'customers'"
                + " (hint: did you mean 'customer'?)");
    assertThat(sink.get("check_name").asText()).isEqualTo("sink-reference");
    assertThat(sink.get("fingerprint").asText()).matches("[0-9a-f]{64}");
    assertThat(sink.get("severity").asText()).isEqualTo("major");
    assertThat(sink.get("location").get("path").asText()).isEqualTo("workspaces/churn.yaml");
    assertThat(sink.get("location").get("lines").get("begin").asInt()).isEqualTo(9);
    assertThat(sink.get("location").get("lines").size()).isOne();
  }

  @Test
  void errorsAreMajorAndWarningsMinor() throws IOException {
    assertThat(GitlabFormat.severity(Severity.ERROR)).isEqualTo("major");
    assertThat(GitlabFormat.severity(Severity.WARNING)).isEqualTo("minor");
    assertThat(issues(Diagnostics.mixed()).findValuesAsText("severity"))
        .containsExactly("major", "minor", "major", "major");
  }

  @Test
  void aFindingAboutTheWholeModelIsPlacedAtTheFirstLineOfTheModelWideFile() throws IOException {
    JsonNode issue = issues(new Report(List.of(Diagnostics.MISSING_ECOSYSTEM))).get(0);

    assertThat(issue.get("location").get("path").asText()).isEqualTo("model/ecosystem.yaml");
    assertThat(issue.get("location").get("lines").get("begin").asInt()).isEqualTo(1);
    assertThat(issue.get("description").asText())
        .startsWith("the model has no Ecosystem document (about the model as a whole)");
  }

  @Test
  void aCleanReportIsAnEmptyArray() throws IOException {
    assertThat(gitlab(new Report(List.of()))).isEqualTo("[ ]\n");
  }

  @Test
  void fingerprintsAreTheSameOnTwoRunsAndDifferBetweenTheFindingsOfTheBrokenExample()
      throws IOException, ModelSourceException {
    List<String> first = fingerprints(BrokenExample.report());
    List<String> second = fingerprints(BrokenExample.report());

    assertThat(first).hasSize(BrokenExample.report().diagnostics().size()).hasSizeGreaterThan(10);
    assertThat(second).isEqualTo(first);
    assertThat(first).doesNotHaveDuplicates();
  }

  @Test
  void aFingerprintSurvivesLinesAddedAboveAndChangesWithTheFinding() throws IOException {
    Diagnostic original = Diagnostics.BAD_TYPE;
    Diagnostic movedDown = at(original, 25, 19);
    Diagnostic otherMessage =
        new Diagnostic(
            original.rule(),
            original.severity(),
            "unknown type 'bigin' for column 'crm.orders.id'",
            original.location(),
            original.object(),
            original.hint());
    Diagnostic otherFile =
        new Diagnostic(
            original.rule(),
            original.severity(),
            original.message(),
            Optional.of(new SourceLocation("datastores/crm2.yaml", 18, 19)),
            original.object(),
            original.hint());

    String print = fingerprints(new Report(List.of(original))).get(0);

    assertThat(fingerprints(new Report(List.of(movedDown)))).containsExactly(print);
    assertThat(fingerprints(new Report(List.of(otherMessage)))).doesNotContain(print);
    assertThat(fingerprints(new Report(List.of(otherFile)))).doesNotContain(print);
  }

  @Test
  void identicalFindingsOnDifferentLinesGetDistinctFingerprints() throws IOException {
    Diagnostic first = at(Diagnostics.BAD_TYPE, 18, 19);
    Diagnostic second = at(Diagnostics.BAD_TYPE, 30, 19);

    List<String> prints = fingerprints(new Report(List.of(second, first)));

    assertThat(prints).doesNotHaveDuplicates();
    assertThat(prints.get(0)).isEqualTo(fingerprints(new Report(List.of(first))).get(0));
  }

  @Test
  void theSameReportIsTheSameBytes() throws IOException, ModelSourceException {
    assertThat(gitlab(BrokenExample.report())).isEqualTo(gitlab(BrokenExample.report()));
  }

  private static Diagnostic at(Diagnostic d, int line, int column) {
    return new Diagnostic(
        d.rule(),
        d.severity(),
        d.message(),
        Optional.of(new SourceLocation(d.location().orElseThrow().file(), line, column)),
        d.object(),
        d.hint());
  }

  private static List<String> fingerprints(Report report) throws IOException {
    return issues(report).findValuesAsText("fingerprint");
  }
}
