package dev.zdp.model.load;

import dev.zdp.model.DatasetGroup;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.ProductionStatus;
import dev.zdp.model.Requirements;
import dev.zdp.model.Sink;
import dev.zdp.model.Workspace;
import dev.zdp.model.load.YamlNode.MapNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds a Workspace document: its dataset groups and their sinks. */
final class WorkspaceBinder {

  private WorkspaceBinder() {}

  static Optional<Workspace> bind(DocumentBinder.Header header, Binding binding) {
    Fields meta = header.metadata();
    String team = meta.requiredText("team");
    String description = meta.text("description", "");
    meta.finish(Map.of("datasetGroups", "spec", "productionStatus", "spec", "deprecated", "spec"));
    Fields spec = header.spec();
    ProductionStatus status =
        spec.choice("productionStatus", Vocabulary.PRODUCTION_STATUS)
            .orElse(ProductionStatus.NOT_PRODUCTION);
    boolean deprecated = spec.bool("deprecated", false);
    List<DatasetGroup> groups =
        spec.mapList(
            "datasetGroups",
            (node, index) -> group(node, index, header.path(), binding),
            "a dataset group");
    spec.finish(Map.of("team", "metadata", "description", "metadata"));
    if (meta.failed() || spec.failed()) {
      return Optional.empty();
    }
    return Optional.of(new Workspace(header.name(), team, description, status, deprecated, groups));
  }

  private static Optional<DatasetGroup> group(
      MapNode node, int index, ObjectPath workspace, Binding binding) {
    Optional<Fields> element =
        Fields.namedElement(node, workspace, "datasetGroups", index, "dataset group", binding);
    if (element.isEmpty()) {
      return Optional.empty();
    }
    Fields f = element.get();
    Optional<String> platform = f.text("platform");
    Optional<Requirements> requirements =
        f.map("requirements", "requirements of dataset group '" + f.name() + "'")
            .flatMap(WorkspaceBinder::requirements);
    boolean requirementsFailed = f.has("requirements") && requirements.isEmpty();
    Optional<Duration> freshness = f.duration("freshness");
    List<Sink> sinks = f.mapList("sinks", (n, i) -> sink(n, i, f.path(), binding), "a sink");
    f.finish();
    if (f.failed() || requirementsFailed) {
      return Optional.empty();
    }
    return Optional.of(new DatasetGroup(f.name(), platform, requirements, sinks, freshness));
  }

  private static Optional<Requirements> requirements(Fields f) {
    Optional<dev.zdp.model.Milestoning> milestoning =
        f.choice("milestoning", Vocabulary.MILESTONING);
    f.finish();
    if (f.failed()) {
      return Optional.empty();
    }
    return Optional.of(new Requirements(milestoning.orElse(dev.zdp.model.Milestoning.LIVE)));
  }

  private static Optional<Sink> sink(MapNode node, int index, ObjectPath group, Binding binding) {
    Fields byIndex = new Fields(node, group.index("sinks", index), binding, "sink " + (index + 1));
    String datastore = byIndex.requiredText("datastore");
    String dataset = byIndex.requiredText("dataset");
    if (datastore == null || dataset == null) {
      byIndex.allow("deprecationsAllowed");
      byIndex.finish();
      return Optional.empty();
    }
    ObjectPath path = group.item("sinks", datastore + "." + dataset);
    binding.define(path, node.at());
    Fields f = new Fields(node, path, binding, "sink '" + datastore + "." + dataset + "'");
    f.allow("datastore", "dataset");
    f.locateValue("datastore");
    f.locateValue("dataset");
    boolean deprecationsAllowed = f.bool("deprecationsAllowed", false);
    f.finish();
    if (f.failed()) {
      return Optional.empty();
    }
    return Optional.of(new Sink(datastore, dataset, deprecationsAllowed));
  }
}
