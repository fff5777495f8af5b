package dev.zdp.generator.graph;

import static dev.zdp.generator.TestModels.acme;
import static dev.zdp.generator.TestModels.shuffled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.generator.TestModels;
import dev.zdp.model.platform.IntentionGraph;
import org.junit.jupiter.api.Test;

/**
 * How the intention graph is drawn; what it holds is tested with it, in the model module ({@code
 * dev.zdp.model.platform.IntentionGraphTest}).
 */
class GraphRendererTest {

  @Test
  void orderOfDocumentsAndListsDoesNotChangeTheDrawing() {
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
