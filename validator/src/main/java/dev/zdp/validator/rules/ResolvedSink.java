package dev.zdp.validator.rules;

import dev.zdp.model.Dataset;
import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Sink;
import dev.zdp.model.Workspace;
import dev.zdp.model.Zone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sink whose datastore and dataset both exist, with everything a rule about what a workspace
 * consumes needs: the workspace, the group, where the sink is written. Sinks that point at nothing
 * are {@code sink-reference}'s to report, so rules built on this never see them.
 */
public record ResolvedSink(
    Workspace workspace,
    DatasetGroup group,
    Sink sink,
    Datastore datastore,
    Dataset dataset,
    ObjectPath path) {

  /**
   * Every resolvable sink of the model, in reading order; a sink written twice in one group is
   * listed once ({@code duplicate-name} reports the copy).
   */
  public static List<ResolvedSink> of(Model model) {
    return model.derived(All.class, m -> new All(resolve(m))).sinks();
  }

  /** Every resolvable sink, kept with the model: several rules ask. */
  private record All(List<ResolvedSink> sinks) {}

  private static List<ResolvedSink> resolve(Model model) {
    List<ResolvedSink> result = new ArrayList<>();
    Set<ObjectPath> seen = new HashSet<>();
    for (Workspace workspace : model.workspaces()) {
      for (DatasetGroup group : workspace.datasetGroups()) {
        for (Sink sink : group.sinks()) {
          ObjectPath path =
              ObjectPath.of(Kind.WORKSPACE, workspace.name())
                  .item("datasetGroups", group.name())
                  .item("sinks", sink.key());
          Optional<Datastore> datastore = model.datastore(sink.datastore());
          Optional<Dataset> dataset = datastore.flatMap(d -> d.dataset(sink.dataset()));
          if (dataset.isPresent() && seen.add(path)) {
            result.add(
                new ResolvedSink(workspace, group, sink, datastore.get(), dataset.get(), path));
          }
        }
      }
    }
    return List.copyOf(result);
  }

  /** The zone whose policies govern a workspace: the zone of the team that owns it. */
  public static Optional<Zone> zoneOf(Model model, Workspace workspace) {
    return model.team(workspace.team()).flatMap(t -> model.zone(t.zone()));
  }

  /** {@code datastore.dataset}, how messages name the sunk dataset. */
  public String qualifiedDataset() {
    return datastore.name() + "." + dataset.name();
  }
}
