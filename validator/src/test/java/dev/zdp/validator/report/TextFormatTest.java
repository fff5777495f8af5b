package dev.zdp.validator.report;

import static dev.zdp.validator.report.Diagnostics.BAD_TYPE;
import static dev.zdp.validator.report.Diagnostics.UNCLASSIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
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
}
