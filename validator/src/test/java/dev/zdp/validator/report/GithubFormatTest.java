package dev.zdp.validator.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GithubFormatTest {

  private static final List<RuleDescription> RULES = RuleDescription.allOf(RuleRegistry.builtIn());

  private static String github(Report report) throws IOException {
    StringWriter out = new StringWriter();
    new GithubFormat(RULES, 7).write(report, out);
    return out.toString();
  }

  @Test
  void writesOneCommandPerFindingErrorsFirstThenTotals() throws IOException {
    String summary = RuleRegistry.builtIn().rule("sink-reference").orElseThrow().summary();

    assertThat(github(Diagnostics.mixed()).lines())
        .containsExactly(
            "::error title=[ecosystem-count] error::the model has no Ecosystem document"
                + "%0Ahint: add a document with kind: Ecosystem",
            "::error file=datastores/crm.yaml,line=18,col=19,title=[column-type] error::"
                + "unknown type 'bigit' for column 'crm.orders.id'%0Ahint: did you mean 'bigint'?",
            "::error file=workspaces/churn.yaml,line=9,col=11,title=[sink-reference] "
                + GithubFormat.escapeProperty(summary)
                + "::Cannot sink dataset 'crm.customers': datastore 'crm' has no dataset"
                + " 'customers'%0Ahint: did you mean 'customer'?",
            "::warning file=datastores/crm.yaml,line=14,col=7,title=[dataset-classification]"
                + " warning::dataset 'crm.orders' has no classifications",
            "3 errors, 1 warning in 2 files");
  }

  @Test
  void aCleanReportIsTheTotalsLineAlone() throws IOException {
    assertThat(github(new Report(List.of()))).isEqualTo("no problems found in 7 model files\n");
  }

  @Test
  void escapesTheMessageAsTheRunnerExpects() {
    assertThat(GithubFormat.escapeData("100%")).isEqualTo("100%25");
    assertThat(GithubFormat.escapeData("a\nb")).isEqualTo("a%0Ab");
    assertThat(GithubFormat.escapeData("a\rb")).isEqualTo("a%0Db");
    assertThat(GithubFormat.escapeData("a\r\nb")).isEqualTo("a%0D%0Ab");
    assertThat(GithubFormat.escapeData("literal %0A stays")).isEqualTo("literal %250A stays");
    assertThat(GithubFormat.escapeData("keys: a, b")).isEqualTo("keys: a, b");
    assertThat(GithubFormat.escapeData("a::b")).isEqualTo("a::b");
    assertThat(GithubFormat.escapeData("")).isEmpty();
  }

  @Test
  void escapesPropertiesAsTheRunnerExpects() {
    assertThat(GithubFormat.escapeProperty("a:b")).isEqualTo("a%3Ab");
    assertThat(GithubFormat.escapeProperty("a,b")).isEqualTo("a%2Cb");
    assertThat(GithubFormat.escapeProperty("50%")).isEqualTo("50%25");
    assertThat(GithubFormat.escapeProperty("a\r\nb")).isEqualTo("a%0D%0Ab");
    assertThat(GithubFormat.escapeProperty("%3A")).isEqualTo("%253A");
    assertThat(GithubFormat.escapeProperty("x::y,z=1"))
        .isEqualTo("x%3A%3Ay%2Cz=1")
        .doesNotContain("::", ",");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "100% sure: yes, no",
        "%0A%0D%25%3A%2C already escaped-looking",
        "line one\nline two\r\nline three\r",
        "::error file=x::injected",
        "trailing %",
        "ünïcödé, ok"
      })
  void whatTheRunnerUnescapesIsWhatWasWritten(String value) {
    assertThat(runnerUnescapeData(GithubFormat.escapeData(value))).isEqualTo(value);
    assertThat(runnerUnescapeProperty(GithubFormat.escapeProperty(value))).isEqualTo(value);
    assertThat(GithubFormat.escapeData(value)).doesNotContain("\n", "\r");
  }

  @Test
  void awkwardFileNamesTitlesAndMessagesParseBackExactly() throws IOException {
    Diagnostic awkward =
        new Diagnostic(
            "sink-reference",
            Severity.ERROR,
            "50% of sinks: broken, really\nsecond line :: with colons",
            Optional.of(new SourceLocation("odd,dir/a:b 100%.yaml", 3, 5)),
            Optional.of(ObjectPath.of(Kind.WORKSPACE, "w")),
            "write a,b: c");

    Command command = Command.parse(github(new Report(List.of(awkward))).lines().toList().get(0));

    assertThat(command.name()).isEqualTo("error");
    assertThat(command.properties())
        .containsEntry("file", "odd,dir/a:b 100%.yaml")
        .containsEntry("line", "3")
        .containsEntry("col", "5")
        .containsEntry(
            "title",
            "[sink-reference] "
                + RuleRegistry.builtIn().rule("sink-reference").orElseThrow().summary());
    assertThat(command.message())
        .isEqualTo("50% of sinks: broken, really\nsecond line :: with colons\nhint: write a,b: c");
  }

  @Test
  void aFindingWithoutLocationHasOnlyATitle() throws IOException {
    Command command =
        Command.parse(
            github(new Report(List.of(Diagnostics.MISSING_ECOSYSTEM)))
                .lines()
                .findFirst()
                .orElseThrow());

    assertThat(command.properties()).containsOnlyKeys("title");
  }

  @Test
  void noNoticeWhileGithubShowsEveryAnnotation() throws IOException {
    String output = github(new Report(findings(10, 10)));

    assertThat(output).doesNotContain("::notice::");
    assertThat(output.lines()).hasSize(21).last().isEqualTo("10 errors, 10 warnings in 1 file");
  }

  @Test
  void aClosingNoticeSaysHowManyGithubDoesNotShow() throws IOException {
    List<String> lines = github(new Report(findings(23, 11))).lines().toList();

    assertThat(lines).hasSize(23 + 11 + 2);
    assertThat(lines.subList(0, 23)).allMatch(l -> l.startsWith("::error "));
    assertThat(lines.subList(23, 34)).allMatch(l -> l.startsWith("::warning "));
    assertThat(lines.get(34)).isEqualTo("23 errors, 11 warnings in 1 file");
    Command notice = Command.parse(lines.get(35));
    assertThat(notice.name()).isEqualTo("notice");
    assertThat(notice.message())
        .contains("at most 10 errors and 10 warnings per step")
        .contains("so 13 errors and 1 warning are not annotated")
        .contains("Every finding is listed in this step's log")
        .contains("docs/reports.md");
  }

  @Test
  void theNoticeCountsOneSeverityWhenOnlyOneOverflows() throws IOException {
    assertThat(github(new Report(findings(11, 0))))
        .contains("so 1 error is not annotated.")
        .doesNotContain("warning is");
    assertThat(github(new Report(findings(2, 15)))).contains("so 5 warnings are not annotated.");
  }

  /** {@code errors} errors and {@code warnings} warnings on successive lines of one file. */
  private static List<Diagnostic> findings(int errors, int warnings) {
    List<Diagnostic> all = new ArrayList<>();
    IntStream.range(0, errors + warnings)
        .forEach(
            i ->
                all.add(
                    new Diagnostic(
                        "primary-key",
                        i < errors ? Severity.ERROR : Severity.WARNING,
                        "finding " + i,
                        Optional.of(new SourceLocation("m.yaml", i + 1, 1)),
                        Optional.empty(),
                        "")));
    return all;
  }

  /** The runner's unescaping of a message: {@code %0D}, {@code %0A}, then {@code %25}. */
  private static String runnerUnescapeData(String value) {
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
  }

  /** The runner's unescaping of a property: also {@code %3A} and {@code %2C}, {@code %25} last. */
  private static String runnerUnescapeProperty(String value) {
    return value
        .replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%");
  }

  /** A workflow command read back the way the runner reads it. */
  record Command(String name, Map<String, String> properties, String message) {

    private static final Pattern COMMAND = Pattern.compile("^::([a-z]+)(?: ([^:]*))?::(.*)$");

    static Command parse(String line) {
      Matcher m = COMMAND.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      Map<String, String> properties = new LinkedHashMap<>();
      if (m.group(2) != null) {
        for (String property : m.group(2).split(",")) {
          int eq = property.indexOf('=');
          properties.put(
              property.substring(0, eq), runnerUnescapeProperty(property.substring(eq + 1)));
        }
      }
      return new Command(m.group(1), properties, runnerUnescapeData(m.group(3)));
    }
  }
}
