package dev.zdp.validator.change.compatibility;

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
      if (!dataset.keyChanged()) {
        continue;
      }
      List<String> before = dataset.keyBefore();
      List<String> after = dataset.keyAfter();
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
}
