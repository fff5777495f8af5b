package dev.zdp.validator.change.compatibility;

import dev.zdp.model.Dataset;
import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.platform.Consumer;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.Consumers;
import dev.zdp.validator.change.DatastoreChange;
import dev.zdp.validator.change.ModelChange;
import java.util.List;

/**
 * A dataset that a workspace sinks is not removed: retire it through the deprecation protocol
 * (deprecate, let consumers remove their sinks, then remove it).
 */
@RuleInfo(
    id = "dataset-removed",
    severity = Severity.ERROR,
    summary = "A dataset is removed only once no workspace sinks it")
public final class DatasetRemoved extends CompatibilityRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatastoreChange store : change.changedDatastores()) {
      for (Dataset old : store.before().datasets()) {
        if (store.after().dataset(old.name()).isPresent()) {
          continue;
        }
        List<Consumer> consumers = change.consumersOf(store.name(), old.name());
        if (consumers.isEmpty()) {
          continue;
        }
        findings.reportRemoved(
            ObjectPath.of(Kind.DATASTORE, store.name()).item("datasets", old.name()),
            "Cannot remove dataset '"
                + store.name()
                + "."
                + old.name()
                + "': it breaks "
                + Consumers.describe(consumers)
                + ", still sinking it",
            DatastoreRemoved.PROTOCOL);
      }
    }
  }
}
