package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {

  private static final List<String> INGESTED = List.of("crm", "shop", "fleet");
  private static final List<String> WORKSPACES =
      List.of("churn", "delivery_ops", "finance_reporting");

  @TempDir Path temp;

  @Test
  void mermaidDrawsTheIngestedDatastoresAndTheWorkspaces() {
    Zdp zdp = Zdp.run("graph", "--model", Acme.EXAMPLE.toString());

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    assertThat(zdp.err()).isEmpty();
    String mermaid = zdp.out();
    assertThat(mermaid).startsWith("flowchart LR\n").endsWith("\n");
    assertThat(mermaid.lines().filter(l -> l.strip().startsWith("subgraph")).count())
        .isEqualTo(mermaid.lines().filter(l -> l.strip().equals("end")).count())
        .isEqualTo(1);
    INGESTED.forEach(store -> assertThat(mermaid).contains("[(\"" + store + "\")]"));
    WORKSPACES.forEach(workspace -> assertThat(mermaid).contains("{{\"" + workspace + "\"}}"));
    assertThat(mermaid)
        .contains("[\"shop.payments\"]")
        .containsPattern("-->\\|\"ledger, forensic\"\\| w__finance_5f_reporting")
        .doesNotContain("depots", "legacy_segments");
  }

  @Test
  void dotIsABalancedDigraphWithTheSameNodes() {
    Zdp zdp = Zdp.run("graph", "--model", Acme.EXAMPLE.toString(), "--format", "dot");

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    String dot = zdp.out();
    assertThat(dot).startsWith("digraph intentions {\n").endsWith("}\n");
    assertThat(dot.chars().filter(c -> c == '{').count())
        .isEqualTo(dot.chars().filter(c -> c == '}').count());
    assertThat(dot.chars().filter(c -> c == '"').count() % 2).isZero();
    INGESTED.forEach(
        store -> assertThat(dot).contains("[shape=cylinder, label=\"" + store + "\"]"));
    WORKSPACES.forEach(
        workspace ->
            assertThat(dot)
                .contains(
                    "\"workspace/"
                        + workspace
                        + "\" [shape=hexagon, label=\""
                        + workspace
                        + "\"]"));
    assertThat(dot).contains("\"zero/shop.orders\" -> \"workspace/churn\"");
  }

  @Test
  void theGraphFollowsTheModel() {
    Path model = Acme.copyTo(temp.resolve("model"));
    TestModels.write(model, "workspaces/delivery_ops.yaml", "");

    String mermaid = Zdp.run("graph", "--model", model.toString()).out();

    assertThat(mermaid).doesNotContain("fleet", "delivery_ops").contains("{{\"churn\"}}");
  }

  @Test
  void anUnknownFormatSuggestsTheNearest() {
    Zdp zdp = Zdp.run("graph", "--model", Acme.EXAMPLE.toString(), "--format", "dto");

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines())
        .containsExactly(
            "zdp: unknown value 'dto' for --format; did you mean 'dot'? use one of mermaid, dot");
    assertThat(zdp.out()).isEmpty();
  }

  @Test
  void anInvalidModelIsReportedAndNothingDrawn() {
    Path model = Acme.copyTo(temp.resolve("model"));
    Acme.edit(
        model.resolve("workspaces/churn.yaml"),
        "{datastore: crm, dataset: customers}",
        "{datastore: crm, dataset: customer}");

    Zdp zdp = Zdp.run("graph", "--model", model.toString());

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out()).isEmpty();
    assertThat(zdp.err()).contains("[sink-reference]").contains("zdp: nothing was drawn: ");
  }
}
