package dev.zdp.validator.change.compatibility;

import dev.zdp.model.Column;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ColumnChange;
import dev.zdp.validator.change.DatasetChange;
import dev.zdp.validator.change.ModelChange;

/**
 * A column added to a consumed dataset is nullable: the rows consumers already hold have no value
 * for it.
 */
@RuleInfo(
    id = "column-added-not-nullable",
    severity = Severity.ERROR,
    summary = "A column added to a consumed dataset is nullable")
public final class ColumnAddedNotNullable extends CompatibilityRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatasetChange dataset : change.changedConsumedDatasets()) {
      for (ColumnChange column : dataset.columns()) {
        if (!column.added() || column.after().orElseThrow().nullable()) {
          continue;
        }
        Column added = column.after().orElseThrow();
        findings.report(
            dataset.columnPath(added.name()),
            "Cannot add column '"
                + column(dataset, added.name())
                + "' ("
                + added.type()
                + ") as not nullable: rows consumers already hold have no value for it; "
                + sunkBy(dataset),
            "add it as nullable (remove `nullable: false`"
                + (added.primaryKey() ? " and `primaryKey: true`" : "")
                + ")");
      }
    }
  }
}
