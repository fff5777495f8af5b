package dev.zdp.validator.change.platform;

import dev.zdp.model.Column;
import dev.zdp.model.Dataset;
import dev.zdp.model.platform.Consumer;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.Consumers;
import dev.zdp.validator.change.DatasetChange;
import dev.zdp.validator.change.ModelChange;
import java.util.List;

/**
 * Zero's MERGE jobs match changes to corpus rows by the dataset's primary key. With another key
 * they would match rows written under the old one by the new one: rows the old key kept apart would
 * be updated or deleted together, and the key columns of the corpus tables would not follow. So a
 * key change of a dataset a Zero platform consumes is refused even as an allowed breaking change; a
 * new dataset with the new key gets corpus tables of its own.
 */
public final class ZeroPrimaryKeyChanged extends ZeroRule {

  public ZeroPrimaryKeyChanged() {
    super(
        "zero-primary-key-changed",
        "A dataset consumed on Zero keeps its primary key, even as an allowed breaking change");
  }

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatasetChange dataset : change.changedConsumedDatasets()) {
      List<Consumer> onZero = onZero(dataset);
      List<String> before = key(dataset.before());
      List<String> after = key(dataset.after());
      if (onZero.isEmpty() || before.equals(after)) {
        continue;
      }
      findings.report(
          dataset.path(),
          "Cannot change the primary key of dataset '"
              + dataset.qualifiedName()
              + "' from "
              + before
              + " to "
              + after
              + " on Zero, even as an allowed breaking change: its MERGE jobs would match the rows"
              + " written under the old key by the new one; it breaks "
              + Consumers.describe(onZero),
          "keep the key "
              + before
              + "; for another key publish a new dataset (its own corpus tables, filled from its"
              + " first snapshot), move the consumers to it and deprecate this one");
    }
  }

  private static List<String> key(Dataset dataset) {
    return dataset.primaryKey().stream().map(Column::name).toList();
  }
}
