package dev.zdp.validator.change.compatibility;

import dev.zdp.model.Column;
import dev.zdp.model.Dataset;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.DatasetChange;
import dev.zdp.validator.change.ModelChange;
import java.util.List;

/**
 * A consumed dataset keeps its primary key: Zero merges rows by key, so consumers' tables are keyed
 * by it.
 */
@RuleInfo(
    id = "primary-key-changed",
    severity = Severity.ERROR,
    summary = "A consumed dataset keeps its primary key")
public final class PrimaryKeyChanged extends CompatibilityRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatasetChange dataset : change.changedConsumedDatasets()) {
      List<String> before = key(dataset.before());
      List<String> after = key(dataset.after());
      if (before.equals(after)) {
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
              + ": consumers' tables are merged by that key; "
              + sunkBy(dataset),
          "keep the key "
              + before
              + "; for another key publish a new dataset and deprecate this one");
    }
  }

  private static List<String> key(Dataset dataset) {
    return dataset.primaryKey().stream().map(Column::name).toList();
  }
}
