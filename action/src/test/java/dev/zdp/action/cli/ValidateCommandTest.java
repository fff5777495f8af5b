package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir Path temp;

  private Path model() {
    return temp.resolve("model");
  }

  @Test
  void soundModelExitsZeroWithOneLine() {
    TestModels.sound(model());

    Zdp zdp = Zdp.run("validate", "--model", model().toString());

    assertThat(zdp.exitCode()).as(zdp.out() + zdp.err()).isZero();
    assertThat(zdp.out()).isEqualTo("no problems found in 2 model files\n");
    assertThat(zdp.err()).isEmpty();
  }

  @Test
  void malformedYamlIsAnErrorAtItsLineAndExitsOne() {
    TestModels.sound(model());
    TestModels.write(model(), "datastores/legacy.yaml", TestModels.MALFORMED);

    Zdp zdp = Zdp.run("validate", "--model", model().toString());

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out())
        .containsPattern("datastores/legacy\\.yaml:7:\\d+: error \\[yaml-syntax\\] ")
        .endsWith("1 error, 0 warnings in 1 file\n");
    assertThat(zdp.err()).isEmpty();
  }

  @Test
  void jsonReportHasTheContractShape() throws IOException {
    TestModels.sound(model());
    TestModels.write(model(), "datastores/legacy.yaml", TestModels.MALFORMED);

    Zdp zdp = Zdp.run("validate", "--model", model().toString(), "--format", "json");

    assertThat(zdp.exitCode()).isEqualTo(1);
    JsonNode root = new ObjectMapper().readTree(zdp.out());
    assertThat(fieldNames(root)).containsExactly("errors", "warnings", "diagnostics");
    assertThat(root.get("errors").asInt()).isEqualTo(1);
    assertThat(root.get("warnings").asInt()).isZero();
    JsonNode d = root.get("diagnostics").get(0);
    assertThat(fieldNames(d))
        .startsWith("rule", "severity", "message", "file", "line", "column", "object");
    assertThat(d.get("rule").asText()).isEqualTo("yaml-syntax");
    assertThat(d.get("severity").asText()).isEqualTo("error");
    assertThat(d.get("file").asText()).endsWith("datastores/legacy.yaml");
    assertThat(d.get("line").asInt()).isEqualTo(7);
    assertThat(d.get("column").isInt()).isTrue();
  }

  @Test
  void cleanJsonReportHasZeroCounts() throws IOException {
    TestModels.sound(model());

    Zdp zdp = Zdp.run("validate", "--model", model().toString(), "--format", "json");

    assertThat(zdp.exitCode()).isZero();
    JsonNode root = new ObjectMapper().readTree(zdp.out());
    assertThat(root.get("errors").asInt()).isZero();
    assertThat(root.get("diagnostics")).isEmpty();
  }

  @Test
  void outputWritesTheReportToAFileInNewDirectoriesAndSummarizesOnStdout() throws IOException {
    TestModels.sound(model());
    TestModels.write(model(), "datastores/legacy.yaml", TestModels.MALFORMED);
    Path report = temp.resolve("reports/today/zdp.json");

    Zdp zdp =
        Zdp.run(
            "validate",
            "--model",
            model().toString(),
            "--format",
            "json",
            "--output",
            report.toString());

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out().lines())
        .containsExactly("1 error, 0 warnings in 1 file; report written to " + report.toString());
    JsonNode root = new ObjectMapper().readTree(Files.readString(report));
    assertThat(root.get("diagnostics").get(0).get("rule").asText()).isEqualTo("yaml-syntax");
  }

  @Test
  void outputToAnUnwritablePlaceCannotRun() throws IOException {
    TestModels.sound(model());
    Path blocker = Files.writeString(temp.resolve("blocker"), "a file, not a directory");

    Zdp zdp =
        Zdp.run(
            "validate",
            "--model",
            model().toString(),
            "--output",
            blocker.resolve("report.txt").toString());

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines())
        .singleElement()
        .asString()
        .startsWith("zdp: cannot write the report");
  }

  @Test
  void warningsPassUnlessStrict() {
    TestModels.sound(model());

    Zdp relaxed =
        Zdp.runWith(
            TestModels.withWarningPerDatastore(), "validate", "--model", model().toString());
    Zdp strict =
        Zdp.runWith(
            TestModels.withWarningPerDatastore(),
            "validate",
            "--model",
            model().toString(),
            "--strict");

    assertThat(relaxed.exitCode()).isZero();
    assertThat(relaxed.out())
        .contains("warning [test-datastore-warning] datastore 'crm' is here")
        .endsWith("0 errors, 1 warning in 1 file\n");
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out()).isEqualTo(relaxed.out());
  }

  @Test
  void aFailingRuleIsAnInternalErrorOfOneLineWithoutStackTrace() {
    TestModels.sound(model());

    Zdp zdp = Zdp.runWith(TestModels.withBrokenRule(), "validate", "--model", model().toString());

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines())
        .containsExactly(
            "zdp: internal error: java.lang.IllegalStateException: rule bug"
                + " (run with --verbose for details)");
  }

  @Test
  void verboseShowsTheStackTrace() {
    TestModels.sound(model());

    Zdp zdp =
        Zdp.runWith(
            TestModels.withBrokenRule(), "validate", "--model", model().toString(), "--verbose");

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.err())
        .startsWith("zdp: internal error: java.lang.IllegalStateException: rule bug\n")
        .contains("\tat dev.zdp.action.cli.TestModels");
  }

  @Test
  void headReadsTheModelAtACommitNotTheFilesOnDisk() throws GitAPIException {
    Path repo = temp.resolve("repo");
    TestModels.sound(repo.resolve("model"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("sound model").setSign(false).setAuthor("t", "t@example.com").call();
    }
    TestModels.write(repo.resolve("model"), "datastores/legacy.yaml", TestModels.MALFORMED);
    String dir = repo.resolve("model").toString();

    assertThat(Zdp.run("validate", "--model", dir).exitCode()).isEqualTo(1);
    assertThat(Zdp.run("validate", "--model", dir, "--head", "main").exitCode()).isZero();

    Zdp unknownRef = Zdp.run("validate", "--model", dir, "--head", "no-such-branch");
    assertThat(unknownRef.exitCode()).isEqualTo(2);
    assertThat(unknownRef.errLines())
        .singleElement()
        .asString()
        .startsWith("zdp: ")
        .contains("no-such-branch");
  }

  @Test
  void sarifAndGitlabPlaceAFindingAboutTheWholeModelAtTheFirstModelFile() throws IOException {
    TestModels.write(model(), "datastores/crm.yaml", TestModels.DATASTORE);
    TestModels.write(model(), "teams/sales.yaml", TestModels.ECOSYSTEM.split("---\n")[2]);

    Zdp sarif = Zdp.run("validate", "--model", model().toString(), "--format", "sarif");
    Zdp gitlab = Zdp.run("validate", "--model", model().toString(), "--format", "gitlab");

    assertThat(sarif.exitCode()).isEqualTo(1);
    JsonNode result =
        new ObjectMapper().readTree(sarif.out()).get("runs").get(0).get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("single-ecosystem");
    JsonNode physical = result.get("locations").get(0).get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asText())
        .endsWith("model/datastores/crm.yaml");
    assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(1);
    JsonNode issue = new ObjectMapper().readTree(gitlab.out()).get(0);
    assertThat(issue.get("location").get("path").asText()).endsWith("model/datastores/crm.yaml");
    assertThat(issue.get("location").get("lines").get("begin").asInt()).isEqualTo(1);
  }

  @Test
  void anEmptyModelDirectoryIsWhereTheMissingEcosystemIsShown() throws IOException {
    Files.createDirectories(model());

    Zdp gitlab = Zdp.run("validate", "--model", model().toString(), "--format", "gitlab");

    assertThat(gitlab.exitCode()).isEqualTo(1);
    JsonNode issue = new ObjectMapper().readTree(gitlab.out()).get(0);
    assertThat(issue.get("check_name").asText()).isEqualTo("single-ecosystem");
    assertThat(issue.get("location").get("path").asText())
        .isEqualTo(model().toString().replace('\\', '/'));
  }

  @Test
  void sarifCanBeWrittenToAFileForUpload() throws IOException {
    TestModels.sound(model());
    TestModels.write(model(), "datastores/legacy.yaml", TestModels.MALFORMED);
    Path report = temp.resolve("out/zdp.sarif");

    Zdp zdp =
        Zdp.run(
            "validate",
            "--model",
            model().toString(),
            "--format",
            "sarif",
            "--output",
            report.toString());

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out())
        .isEqualTo("1 error, 0 warnings in 1 file; report written to " + report + "\n");
    JsonNode run = new ObjectMapper().readTree(Files.readString(report)).get("runs").get(0);
    assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("zdp");
    assertThat(run.get("results").get(0).get("ruleId").asText()).isEqualTo("yaml-syntax");
  }

  @Test
  void githubCommandsAnnotateTheFileAndLine() {
    TestModels.sound(model());
    TestModels.write(model(), "datastores/legacy.yaml", TestModels.MALFORMED);

    Zdp zdp = Zdp.run("validate", "--model", model().toString(), "--format", "github");

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out().lines())
        .hasSize(2)
        .first()
        .asString()
        .startsWith("::error file=" + model().toString().replace('\\', '/').replace(":", "%3A"))
        .contains("/datastores/legacy.yaml,line=7,col=")
        .contains(",title=[yaml-syntax] ");
    assertThat(zdp.out().lines().toList().get(1)).isEqualTo("1 error, 0 warnings in 1 file");
  }

  @Test
  void sarifColumnsCountCodePointsAsItsColumnKindSays() throws IOException {
    String line = "metadata: {name: acme, description: \"\uD83D\uDE00\uD83D\uDE00\", bogus: 1}";
    TestModels.write(
        model(), "ecosystem.yaml", "apiVersion: zdp/v1\nkind: Ecosystem\n" + line + "\n");

    Zdp zdp = Zdp.run("validate", "--model", model().toString(), "--format", "sarif");

    JsonNode run = new ObjectMapper().readTree(zdp.out()).get("runs").get(0);
    assertThat(run.get("columnKind").asText()).isEqualTo("unicodeCodePoints");
    JsonNode bogus = null;
    for (JsonNode result : run.get("results")) {
      if (result.get("ruleId").asText().equals("unknown-key")) {
        bogus = result.get("locations").get(0).get("physicalLocation").get("region");
      }
    }
    assertThat(bogus).isNotNull();
    int codePointsBefore = line.codePointCount(0, line.indexOf("bogus"));
    assertThat(bogus.get("startLine").asInt()).isEqualTo(3);
    assertThat(bogus.get("startColumn").asInt()).isEqualTo(codePointsBefore + 1);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
