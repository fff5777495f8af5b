package dev.zdp.action.ci.report;

import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.SourceMap;
import dev.zdp.model.Workspace;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of the intention graph a change touches: the datastores whose definition, used datasets
 * or consumers differ between the base and the head (as the head has them, or as the base had them
 * when the head no longer ingests them), with the workspaces that sink them.
 */
public final class AffectedGraph {

  private AffectedGraph() {}

  /** The affected subgraph; empty when the change touches no ingested datastore. */
  public static Optional<IntentionGraph> between(Model base, Model head) {
    IntentionGraph before = IntentionGraph.of(base);
    IntentionGraph after = IntentionGraph.of(head);
    Set<String> affected = new TreeSet<>();
    Set<String> platformNames = new TreeSet<>();
    before.platforms().forEach(p -> platformNames.add(p.name()));
    after.platforms().forEach(p -> platformNames.add(p.name()));
    for (String name : platformNames) {
      Map<String, IngestedDatastore> was = byName(before.platform(name));
      Map<String, IngestedDatastore> is = byName(after.platform(name));
      Set<String> stores = new TreeSet<>(was.keySet());
      stores.addAll(is.keySet());
      stores.stream()
          .filter(s -> !java.util.Objects.equals(was.get(s), is.get(s)))
          .forEach(affected::add);
    }
    if (affected.isEmpty()) {
      return Optional.empty();
    }
    List<Datastore> datastores = new ArrayList<>();
    for (String name : affected) {
      head.datastore(name).or(() -> base.datastore(name)).ifPresent(datastores::add);
    }
    List<Workspace> workspaces = new ArrayList<>(only(head.workspaces(), affected));
    Set<String> inHead = new TreeSet<>();
    head.workspaces().forEach(w -> inHead.add(w.name()));
    only(base.workspaces(), affected).stream()
        .filter(w -> !inHead.contains(w.name()))
        .forEach(workspaces::add);
    Model view =
        new Model(
            head.ecosystem().or(base::ecosystem),
            List.of(),
            List.of(),
            datastores,
            workspaces,
            SourceMap.empty(),
            List.of());
    IntentionGraph graph = IntentionGraph.of(view);
    return graph.platforms().isEmpty() ? Optional.empty() : Optional.of(graph);
  }

  /** How many datasets the graph draws, to keep a picture readable. */
  public static int datasets(IntentionGraph graph) {
    return graph.platforms().stream()
        .flatMap(p -> p.datastores().stream())
        .mapToInt(s -> s.datasets().size())
        .sum();
  }

  /** The workspaces' dataset groups cut down to their sinks on {@code datastores}. */
  private static List<Workspace> only(List<Workspace> workspaces, Set<String> datastores) {
    List<Workspace> kept = new ArrayList<>();
    for (Workspace workspace : workspaces) {
      List<DatasetGroup> groups = new ArrayList<>();
      for (DatasetGroup group : workspace.datasetGroups()) {
        var sinks = group.sinks().stream().filter(s -> datastores.contains(s.datastore())).toList();
        if (!sinks.isEmpty()) {
          groups.add(new DatasetGroup(group.name(), group.platform(), group.requirements(), sinks));
        }
      }
      if (!groups.isEmpty()) {
        kept.add(
            new Workspace(
                workspace.name(),
                workspace.team(),
                workspace.description(),
                workspace.productionStatus(),
                workspace.deprecated(),
                groups));
      }
    }
    return kept;
  }

  private static Map<String, IngestedDatastore> byName(Optional<PlatformIntentions> platform) {
    Map<String, IngestedDatastore> stores = new TreeMap<>();
    platform.ifPresent(p -> p.datastores().forEach(s -> stores.put(s.name(), s)));
    return stores;
  }
}
