package dev.zdp.generator.graph;

import dev.zdp.model.platform.Consumer;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Draws an intention graph ({@link IntentionGraph}, in the model module, which the validator reads
 * too) as Mermaid (for markdown, GitHub renders it) or Graphviz DOT. Per platform a cluster of its
 * datastores and their used datasets; an edge from each dataset to each workspace consuming it,
 * labelled with the dataset group and milestoning.
 */
public final class GraphRenderer {

  private GraphRenderer() {}

  public static String mermaid(IntentionGraph graph) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    List<String> edges = new ArrayList<>();
    for (PlatformIntentions platform : graph.platforms()) {
      out.append("  subgraph ")
          .append(id("p", platform.name()))
          .append("[\"platform ")
          .append(label(platform.name()))
          .append("\"]\n");
      for (IngestedDatastore store : platform.datastores()) {
        String storeId = id("s", platform.name(), store.name());
        out.append("    ").append(storeId).append("[(\"").append(label(store.name()));
        out.append("\")]\n");
        for (IngestedDataset dataset : store.datasets()) {
          String datasetId = id("d", platform.name(), store.name(), dataset.name());
          out.append("    ")
              .append(datasetId)
              .append("[\"")
              .append(label(store.name() + "." + dataset.name()))
              .append("\"]\n");
          out.append("    ").append(storeId).append(" --> ").append(datasetId).append('\n');
          for (Consumer consumer : dataset.consumers()) {
            edges.add(
                "  "
                    + datasetId
                    + " -->|\""
                    + label(consumer.datasetGroup() + ", " + consumer.milestoning().yaml())
                    + "\"| "
                    + id("w", consumer.workspace()));
          }
        }
      }
      out.append("  end\n");
    }
    for (String workspace : workspaces(graph)) {
      out.append("  ")
          .append(id("w", workspace))
          .append("{{\"")
          .append(label(workspace))
          .append("\"}}\n");
    }
    edges.forEach(e -> out.append(e).append('\n'));
    return out.toString();
  }

  public static String dot(IntentionGraph graph) {
    StringBuilder out = new StringBuilder("digraph intentions {\n  rankdir=LR;\n");
    List<String> edges = new ArrayList<>();
    for (PlatformIntentions platform : graph.platforms()) {
      out.append("  subgraph ")
          .append(quote("cluster_" + platform.name()))
          .append(" {\n    label=")
          .append(quote("platform " + platform.name()))
          .append(";\n");
      for (IngestedDatastore store : platform.datastores()) {
        String storeId = quote(platform.name() + "/" + store.name());
        out.append("    ")
            .append(storeId)
            .append(" [shape=cylinder, label=")
            .append(quote(store.name()))
            .append("];\n");
        for (IngestedDataset dataset : store.datasets()) {
          String datasetId = quote(platform.name() + "/" + store.name() + "." + dataset.name());
          out.append("    ")
              .append(datasetId)
              .append(" [shape=box, label=")
              .append(quote(store.name() + "." + dataset.name()))
              .append("];\n");
          out.append("    ").append(storeId).append(" -> ").append(datasetId).append(";\n");
          for (Consumer consumer : dataset.consumers()) {
            edges.add(
                "  "
                    + datasetId
                    + " -> "
                    + quote("workspace/" + consumer.workspace())
                    + " [label="
                    + quote(consumer.datasetGroup() + ", " + consumer.milestoning().yaml())
                    + "];");
          }
        }
      }
      out.append("  }\n");
    }
    for (String workspace : workspaces(graph)) {
      out.append("  ")
          .append(quote("workspace/" + workspace))
          .append(" [shape=hexagon, label=")
          .append(quote(workspace))
          .append("];\n");
    }
    edges.forEach(e -> out.append(e).append('\n'));
    return out.append("}\n").toString();
  }

  private static SortedSet<String> workspaces(IntentionGraph graph) {
    SortedSet<String> names = new TreeSet<>();
    graph.platforms().forEach(p -> p.datastores().forEach(s -> names.addAll(s.workspaces())));
    return names;
  }

  /** A Mermaid node id: only letters, digits and underscores, unambiguous per part. */
  private static String id(String prefix, String... parts) {
    StringBuilder id = new StringBuilder(prefix);
    for (String part : parts) {
      id.append("__");
      for (char c : part.toCharArray()) {
        if (Character.isLetterOrDigit(c) && c < 128) {
          id.append(c);
        } else {
          id.append('_').append(Integer.toHexString(c)).append('_');
        }
      }
    }
    return id.toString();
  }

  private static String label(String text) {
    return text.replace("\"", "#quot;");
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
