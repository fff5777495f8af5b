package dev.zdp.validator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zdp.validator.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

  private static String json(Report report) throws IOException {
    StringWriter out = new StringWriter();
    new JsonFormat().write(report, out);
    return out.toString();
  }

  @Test
  void writesCountsAndEveryDiagnosticInReportOrder() throws IOException {
    JsonNode root = new ObjectMapper().readTree(json(Diagnostics.mixed()));

    assertThat(fieldNames(root)).containsExactly("errors", "warnings", "diagnostics");
    assertThat(root.get("errors").asInt()).isEqualTo(3);
    assertThat(root.get("warnings").asInt()).isEqualTo(1);
    JsonNode diagnostics = root.get("diagnostics");
    assertThat(diagnostics).hasSize(4);
    for (JsonNode d : diagnostics) {
      assertThat(fieldNames(d))
          .containsExactly(
              "rule", "severity", "message", "file", "line", "column", "object", "hint");
    }
    assertThat(diagnostics.findValuesAsText("rule"))
        .containsExactly(
            "ecosystem-count", "dataset-classification", "column-type", "sink-reference");
  }

  @Test
  void locatedDiagnosticCarriesFileLineColumnObjectAndHint() throws IOException {
    JsonNode d = new ObjectMapper().readTree(json(Diagnostics.mixed())).get("diagnostics").get(3);

    assertThat(d.get("rule").asText()).isEqualTo("sink-reference");
    assertThat(d.get("severity").asText()).isEqualTo("error");
    assertThat(d.get("message").asText())
        .isEqualTo(
            "Cannot sink dataset 'crm.customers': datastore 'crm' has no dataset 'customers'");
    assertThat(d.get("file").asText()).isEqualTo("workspaces/churn.yaml");
    assertThat(d.get("line").isInt()).isTrue();
    assertThat(d.get("line").asInt()).isEqualTo(9);
    assertThat(d.get("column").asInt()).isEqualTo(11);
    assertThat(d.get("object").asText())
        .isEqualTo("Workspace/churn/datasetGroups[feed]/sinks[crm.customers]");
    assertThat(d.get("hint").asText()).isEqualTo("did you mean 'customer'?");
  }

  @Test
  void absentLocationObjectAndHintAreNull() throws IOException {
    JsonNode diagnostics =
        new ObjectMapper().readTree(json(Diagnostics.mixed())).get("diagnostics");
    JsonNode modelWide = diagnostics.get(0);
    assertThat(modelWide.get("file").isNull()).isTrue();
    assertThat(modelWide.get("line").isNull()).isTrue();
    assertThat(modelWide.get("column").isNull()).isTrue();
    assertThat(modelWide.get("object").isNull()).isTrue();
    assertThat(diagnostics.get(1).get("hint").isNull()).isTrue();
  }

  @Test
  void cleanReportHasZeroCountsAndAnEmptyList() throws IOException {
    assertThat(json(new Report(List.of())))
        .isEqualTo(
            """
            {
              "errors" : 0,
              "warnings" : 0,
              "diagnostics" : [ ]
            }
            """);
  }

  @Test
  void isPrettyPrintedWithUnixLineEndsAndStableBytes() throws IOException {
    String once = json(Diagnostics.mixed());
    assertThat(once).doesNotContain("\r").startsWith("{\n  \"errors\" : 3,\n");
    assertThat(json(Diagnostics.mixed())).isEqualTo(once);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
