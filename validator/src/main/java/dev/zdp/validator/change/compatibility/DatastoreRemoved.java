package dev.zdp.validator.change.compatibility;

import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.platform.Consumer;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.Consumers;
import dev.zdp.validator.change.ModelChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A datastore with a dataset that a workspace sinks is not removed. */
@RuleInfo(
    id = "datastore-removed",
    severity = Severity.ERROR,
    summary = "A datastore is removed only once no workspace sinks its datasets")
public final class DatastoreRemoved extends CompatibilityRule {

  static final String PROTOCOL =
      "follow the deprecation protocol: mark it `deprecated: true`, let each consumer remove its"
          + " sink, then remove it (docs/change-rules.md)";

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (Datastore old : change.base().datastores()) {
      boolean firstDefinition = change.base().datastore(old.name()).orElseThrow() == old;
      if (!firstDefinition || change.head().datastore(old.name()).isPresent()) {
        continue;
      }
      List<Consumer> consumers = new ArrayList<>();
      List<String> consumed = new ArrayList<>();
      for (Dataset dataset : old.datasets()) {
        List<Consumer> sinks = change.consumersOf(old.name(), dataset.name());
        if (!sinks.isEmpty()) {
          consumers.addAll(sinks);
          consumed.add(old.name() + "." + dataset.name());
        }
      }
      if (consumers.isEmpty()) {
        continue;
      }
      consumers.sort(Comparator.comparing(Consumer::workspace));
      findings.reportRemoved(
          ObjectPath.of(Kind.DATASTORE, old.name()),
          "Cannot remove datastore '"
              + old.name()
              + "': it breaks "
              + Consumers.describe(consumers)
              + ", still sinking "
              + String.join(", ", consumed),
          PROTOCOL);
    }
  }
}
