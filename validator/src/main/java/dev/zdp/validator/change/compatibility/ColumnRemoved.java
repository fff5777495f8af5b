package dev.zdp.validator.change.compatibility;

import dev.zdp.model.Column;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ColumnChange;
import dev.zdp.validator.change.DatasetChange;
import dev.zdp.validator.change.ModelChange;
import java.util.Optional;

/** A consumed dataset keeps every column: removing or renaming one breaks its consumers. */
@RuleInfo(
    id = "column-removed",
    severity = Severity.ERROR,
    summary = "A column of a consumed dataset is never removed or renamed")
public final class ColumnRemoved extends CompatibilityRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatasetChange dataset : change.changedConsumedDatasets()) {
      for (ColumnChange removed : dataset.columns()) {
        if (!removed.removed()) {
          continue;
        }
        Column old = removed.before().orElseThrow();
        Optional<Column> renamedTo =
            dataset.columns().stream()
                .filter(ColumnChange::added)
                .map(c -> c.after().orElseThrow())
                .filter(c -> c.type().equals(old.type()))
                .findFirst();
        String hint =
            renamedTo
                .map(
                    c ->
                        "a rename is a removal for consumers: keep '"
                            + old.name()
                            + "' and add '"
                            + c.name()
                            + "' beside it as a new nullable column")
                .orElse(
                    "keep the column; to retire it, publish a new dataset without it, deprecate"
                        + " this one and follow the deprecation protocol (docs/change-rules.md)");
        findings.reportRemoved(
            dataset.columnPath(old.name()),
            "Cannot remove column '"
                + column(dataset, old.name())
                + "' ("
                + old.type()
                + " → removed): "
                + sunkBy(dataset),
            hint);
      }
    }
  }
}
