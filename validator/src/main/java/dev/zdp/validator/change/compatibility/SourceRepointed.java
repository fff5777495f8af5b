package dev.zdp.validator.change.compatibility;

import dev.zdp.model.Capture;
import dev.zdp.model.Dataset;
import dev.zdp.model.platform.Consumer;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.Consumers;
import dev.zdp.validator.change.DatasetChange;
import dev.zdp.validator.change.DatastoreChange;
import dev.zdp.validator.change.ModelChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A consumed dataset keeps reading the same source: its {@code table}, and its datastore's {@code
 * capture.type}, {@code host}, {@code port} and {@code database}, do not change. A new source is a
 * new datastore or dataset. (A rotated {@code credential} is fine; a new {@code slotName} or {@code
 * publicationName} re-snapshots the same tables, which the plan calls out.)
 */
@RuleInfo(
    id = "source-repointed",
    severity = Severity.ERROR,
    summary =
        "A consumed dataset's table and its datastore's capture host, port, database and type"
            + " do not change")
public final class SourceRepointed extends CompatibilityRule {

  private static final Map<String, Function<Capture, Object>> SOURCE_FIELDS = new LinkedHashMap<>();

  static {
    SOURCE_FIELDS.put("type", Capture::type);
    SOURCE_FIELDS.put("host", Capture::host);
    SOURCE_FIELDS.put("port", Capture::port);
    SOURCE_FIELDS.put("database", Capture::database);
  }

  private static final String HINT =
      "publish the new source as a new datastore or dataset, deprecate this one and follow the"
          + " deprecation protocol; a move of the same data needs an approved breaking change"
          + " (--allow-breaking-changes)";

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatastoreChange store : change.changedDatastores()) {
      List<Consumer> consumers = consumersOfStore(change, store);
      if (consumers.isEmpty()) {
        continue;
      }
      Capture before = store.before().capture();
      Capture after = store.after().capture();
      SOURCE_FIELDS.forEach(
          (field, value) -> {
            Object old = value.apply(before);
            Object now = value.apply(after);
            if (!old.equals(now)) {
              findings.report(
                  store.path().field("capture").field(field),
                  "Cannot re-point datastore '"
                      + store.name()
                      + "' (capture."
                      + field
                      + " "
                      + old
                      + " → "
                      + now
                      + "): consumers would silently read another source; it breaks "
                      + Consumers.describe(consumers)
                      + ", which sink its datasets",
                  HINT);
            }
          });
    }
    for (DatasetChange dataset : change.changedConsumedDatasets()) {
      String old = dataset.before().table();
      String now = dataset.after().table();
      if (!old.equals(now)) {
        findings.report(
            dataset.path().field("table"),
            "Cannot re-point dataset '"
                + dataset.qualifiedName()
                + "' (table "
                + old
                + " → "
                + now
                + "): consumers would silently read another table; "
                + sunkBy(dataset),
            HINT);
      }
    }
  }

  private static List<Consumer> consumersOfStore(ModelChange change, DatastoreChange store) {
    List<Consumer> consumers = new ArrayList<>();
    for (Dataset dataset : store.before().datasets()) {
      consumers.addAll(change.consumersOf(store.name(), dataset.name()));
    }
    consumers.sort(Comparator.comparing(Consumer::workspace));
    return consumers;
  }
}
