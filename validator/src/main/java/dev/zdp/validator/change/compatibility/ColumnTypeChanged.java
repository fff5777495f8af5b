package dev.zdp.validator.change.compatibility;

import dev.zdp.model.Column;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ColumnChange;
import dev.zdp.validator.change.DatasetChange;
import dev.zdp.validator.change.ModelChange;
import dev.zdp.validator.change.compatibility.TypeWidening.Verdict;

/**
 * A column of a consumed dataset changes type only by widening (see {@link TypeWidening}); any
 * other change ({@code bigint → text}, {@code date → timestamp}…) changes what consumers read.
 */
@RuleInfo(
    id = "column-type-changed",
    severity = Severity.ERROR,
    summary = "A column type of a consumed dataset changes only by widening it")
public final class ColumnTypeChanged extends CompatibilityRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatasetChange dataset : change.changedConsumedDatasets()) {
      for (ColumnChange kept : dataset.columns()) {
        if (!kept.kept()) {
          continue;
        }
        Column old = kept.before().orElseThrow();
        kept.after()
            .filter(now -> TypeWidening.classify(old.type(), now.type()) == Verdict.CHANGED)
            .ifPresent(
                now ->
                    findings.report(
                        dataset.columnPath(old.name()).field("type"),
                        "Cannot change the type of column '"
                            + column(dataset, old.name())
                            + "' from "
                            + old.type()
                            + " to "
                            + now.type()
                            + ": it is not a widening, so consumers would read different values; "
                            + sunkBy(dataset),
                        "keep "
                            + old.type()
                            + " and add a new nullable column of type "
                            + now.type()
                            + " beside it"));
      }
    }
  }
}
