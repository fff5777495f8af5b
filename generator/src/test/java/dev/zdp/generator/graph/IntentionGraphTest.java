package dev.zdp.generator.graph;

import static dev.zdp.generator.TestModels.acme;
import static dev.zdp.generator.TestModels.dataset;
import static dev.zdp.generator.TestModels.datastore;
import static dev.zdp.generator.TestModels.ecosystem;
import static dev.zdp.generator.TestModels.forensicGroup;
import static dev.zdp.generator.TestModels.group;
import static dev.zdp.generator.TestModels.key;
import static dev.zdp.generator.TestModels.model;
import static dev.zdp.generator.TestModels.shuffled;
import static dev.zdp.generator.TestModels.sink;
import static dev.zdp.generator.TestModels.workspace;
import static dev.zdp.generator.TestModels.zero;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.generator.TestModels;
import dev.zdp.model.Milestoning;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentionGraphTest {

  @Test
  void groupsUsedDatasetsByDatastoreWithTheirConsumers() {
    IntentionGraph graph = IntentionGraph.of(acme());

    PlatformIntentions zero = graph.platform("zero").orElseThrow();
    assertThat(zero.datastores())
        .extracting(IngestedDatastore::name)
        .containsExactly("billing", "crm");
    IngestedDatastore crm = zero.datastore("crm").orElseThrow();
    assertThat(crm.datasets())
        .extracting(IngestedDataset::name)
        .containsExactly("customers", "orders");
    assertThat(crm.dataset("customers").orElseThrow().consumers())
        .containsExactly(
            new Consumer("audit", "history", Milestoning.FORENSIC),
            new Consumer("churn", "crm_feed", Milestoning.LIVE));
    assertThat(crm.dataset("customers").orElseThrow().forensic()).isTrue();
    assertThat(crm.dataset("orders").orElseThrow().forensic()).isFalse();
  }

  @Test
  void unusedDatasetsAreNotIngested() {
    IngestedDatastore billing =
        IntentionGraph.of(acme()).platform("zero").orElseThrow().datastore("billing").orElseThrow();

    assertThat(billing.datasets()).extracting(IngestedDataset::name).containsExactly("invoices");
  }

  @Test
  void requirementsGoToTheFirstPlatformByNameThatSatisfiesThem() {
    Platform other =
        new Platform("aaa_other", "legacy", "", zero().kafka(), zero().connect(), zero().iceberg());
    Platform second =
        new Platform("zz_zero", "zero", "", zero().kafka(), zero().connect(), zero().iceberg());
    Model model =
        model(
            ecosystem(second, zero(), other),
            List.of(
                datastore("crm", dataset("customers", key("id"))),
                workspace("audit", forensicGroup("history", sink("crm", "customers")))));

    IntentionGraph graph = IntentionGraph.of(model);

    assertThat(graph.platform("zero").orElseThrow().datastores()).hasSize(1);
    assertThat(graph.platform("zz_zero").orElseThrow().datastores()).isEmpty();
    assertThat(graph.platform("aaa_other").orElseThrow().datastores()).isEmpty();
  }

  @Test
  void sinksToMissingDatasetsAndUnknownPlatformsAreLeftOut() {
    Model model =
        model(
            ecosystem(zero()),
            List.of(
                datastore("crm", dataset("customers", key("id"))),
                workspace(
                    "churn",
                    group("feed", "zero", sink("crm", "customer"), sink("nowhere", "x")),
                    group("other", "no_such_platform", sink("crm", "customers")))));

    assertThat(IntentionGraph.of(model).platform("zero").orElseThrow().datastores()).isEmpty();
  }

  @Test
  void orderOfDocumentsAndListsDoesNotChangeTheGraph() {
    IntentionGraph expected = IntentionGraph.of(acme());
    for (long seed = 1; seed <= 5; seed++) {
      IntentionGraph graph = IntentionGraph.of(TestModels.acme(shuffled(seed)));
      assertThat(GraphRenderer.mermaid(graph)).isEqualTo(GraphRenderer.mermaid(expected));
      assertThat(GraphRenderer.dot(graph)).isEqualTo(GraphRenderer.dot(expected));
    }
  }

  @Test
  void mermaidDrawsAnEdgePerConsumerLabelledWithGroupAndMilestoning() {
    String mermaid = GraphRenderer.mermaid(IntentionGraph.of(acme()));

    assertThat(mermaid).startsWith("flowchart LR\n");
    assertThat(mermaid).contains("subgraph p__zero[\"platform zero\"]");
    assertThat(mermaid).contains("d__zero__crm__customers -->|\"history, forensic\"| w__audit");
    assertThat(mermaid).contains("d__zero__crm__customers -->|\"crm_feed, live\"| w__churn");
    assertThat(mermaid).doesNotContain("payments");
  }

  @Test
  void dotIsADigraphWithAClusterPerPlatform() {
    String dot = GraphRenderer.dot(IntentionGraph.of(acme()));

    assertThat(dot).startsWith("digraph intentions {");
    assertThat(dot).contains("subgraph \"cluster_zero\"");
    assertThat(dot)
        .contains(
            "\"zero/billing.invoices\" -> \"workspace/audit\" [label=\"history, forensic\"];");
    assertThat(dot).endsWith("}\n");
  }
}
