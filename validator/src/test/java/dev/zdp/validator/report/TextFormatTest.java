package dev.zdp.validator.report;

import static dev.zdp.validator.report.Diagnostics.BAD_TYPE;
import static dev.zdp.validator.report.Diagnostics.UNCLASSIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextFormatTest {

  private static String text(Report report, int filesRead) throws IOException {
    StringWriter out = new StringWriter();
    new TextFormat(filesRead).write(report, out);
    return out.toString();
  }

  @Test
  void groupsFindingsByFileAfterModelWideOnesAndEndsWithTotals() throws IOException {
    assertThat(text(Diagnostics.mixed(), 5))
        .isEqualTo(
            """
            model: error [ecosystem-count] the model has no Ecosystem document
              hint: add a document with kind: Ecosystem

            datastores/crm.yaml:14:7: warning [dataset-classification] dataset 'crm.orders' has no classifications
            datastores/crm.yaml:18:19: error [column-type] unknown type 'bigit' for column 'crm.orders.id'
              hint: did you mean 'bigint'?

            workspaces/churn.yaml:9:11: error [sink-reference] Cannot sink dataset 'crm.customers': datastore 'crm' has no dataset 'customers'
              hint: did you mean 'customer'?

            3 errors, 1 warning in 2 files
            """);
  }

  @Test
  void cleanReportIsOneLineNamingHowManyFilesWereRead() throws IOException {
    assertThat(text(new Report(List.of()), 12)).isEqualTo("no problems found in 12 model files\n");
    assertThat(text(new Report(List.of()), 1)).isEqualTo("no problems found in 1 model file\n");
  }

  @Test
  void singularCountsReadNaturally() throws IOException {
    assertThat(text(new Report(List.of(BAD_TYPE)), 3))
        .endsWith("\n\n1 error, 0 warnings in 1 file\n");
    assertThat(text(new Report(List.of(UNCLASSIFIED)), 3))
        .doesNotContain("hint:")
        .endsWith("0 errors, 1 warning in 1 file\n");
  }

  @Test
  void findingWithoutLocationIsNamedByItsObjectPath() throws IOException {
    Diagnostic unlocated =
        new Diagnostic(
            "zone-declared",
            Severity.WARNING,
            "zone 'emea' is declared but has no Zone document",
            Optional.empty(),
            Optional.of(ObjectPath.of(Kind.ZONE, "emea")),
            "");
    assertThat(text(new Report(List.of(unlocated)), 2))
        .isEqualTo(
            """
            Zone/emea: warning [zone-declared] zone 'emea' is declared but has no Zone document

            0 errors, 1 warning
            """);
  }

  @Test
  void controlCharactersInFileNamesAndMessagesAreEscaped() throws IOException {
    Diagnostic hostile =
        new Diagnostic(
            "capture-format",
            Severity.ERROR,
            "host '\u001b[2Jx\u202E' is not a host name",
            Optional.of(new SourceLocation("a\n::warning file=x::pwned.yaml", 3, 5)),
            Optional.empty(),
            "write\r\nhost: x");

    String text = text(new Report(List.of(hostile)), 1);

    assertThat(text)
        .contains(
            "a\\n::warning file=x::pwned.yaml:3:5: error [capture-format] host '\\u001B[2Jx\\u202E'")
        .contains("  hint: write\\r\\nhost: x\n")
        .doesNotContain("\u001b", "\r", "\u202E");
    assertThat(text.lines()).noneMatch(line -> line.startsWith("::"));
  }

  @Test
  void aPasswordInAQuotedValueIsMaskedInEveryFinding() throws IOException {
    Diagnostic echoed =
        new Diagnostic(
            "capture-format",
            Severity.ERROR,
            "Datastore 'crm': capture host 'postgres://u:s3cret@h/db' is not a host name",
            Optional.of(new SourceLocation("crm.yaml", 3, 5)),
            Optional.empty(),
            "write host: h; not ghp_abcdefghijklmnopqrstuvwxyz0123456789 nor AKIAABCDEFGHIJKLMNOP");

    assertThat(echoed.message()).contains("postgres://u:***@h/db").doesNotContain("s3cret");
    assertThat(text(new Report(List.of(echoed)), 1))
        .doesNotContain(
            "s3cret", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "AKIAABCDEFGHIJKLMNOP");
  }
}
