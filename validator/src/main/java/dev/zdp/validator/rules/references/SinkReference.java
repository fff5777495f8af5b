package dev.zdp.validator.rules.references;

import dev.zdp.model.Dataset;
import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Sink;
import dev.zdp.model.Workspace;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.Describe;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A sink names a defined datastore and a dataset that datastore has. */
@RuleInfo(
    id = "sink-reference",
    severity = Severity.ERROR,
    summary = "A sink names a defined datastore and one of its datasets")
public final class SinkReference implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    List<String> datastores = model.datastores().stream().map(Datastore::name).toList();
    Set<ObjectPath> checked = new HashSet<>();
    for (Workspace workspace : model.workspaces()) {
      for (DatasetGroup group : workspace.datasetGroups()) {
        for (Sink sink : group.sinks()) {
          ObjectPath path =
              ObjectPath.of(Kind.WORKSPACE, workspace.name())
                  .item("datasetGroups", group.name())
                  .item("sinks", sink.key());
          if (checked.add(path)) {
            check(model, sink, path, datastores, findings);
          }
        }
      }
    }
  }

  private void check(
      Model model, Sink sink, ObjectPath path, List<String> datastores, Findings findings) {
    String cannot = "Cannot sink dataset '" + sink.key() + "': ";
    Optional<Datastore> datastore = model.datastore(sink.datastore());
    ObjectPath datastorePath = ObjectPath.of(Kind.DATASTORE, sink.datastore());
    if (datastore.isEmpty() && model.isDefined(datastorePath)) {
      return; // written but unreadable: its load problem already says why
    }
    if (datastore.isEmpty()) {
      findings.report(
          path.field("datastore"),
          cannot + "no datastore '" + sink.datastore() + "' is defined",
          Describe.didYouMean(
              sink.datastore(),
              datastores,
              "add a Datastore document named '"
                  + sink.datastore()
                  + "', or name a defined datastore"));
      return;
    }
    if (datastore.get().dataset(sink.dataset()).isPresent()
        || model.isDefined(datastorePath.item("datasets", sink.dataset()))) {
      return;
    }
    List<String> datasets = datastore.get().datasets().stream().map(Dataset::name).toList();
    findings.report(
        path.field("dataset"),
        cannot + "datastore '" + sink.datastore() + "' has no dataset '" + sink.dataset() + "'",
        Describe.didYouMean(
            sink.dataset(),
            datasets,
            datasets.isEmpty()
                ? "datastore '" + sink.datastore() + "' publishes no datasets yet"
                : "datastore '"
                    + sink.datastore()
                    + "' publishes "
                    + String.join(", ", datasets.stream().map(d -> "'" + d + "'").toList())));
  }
}
