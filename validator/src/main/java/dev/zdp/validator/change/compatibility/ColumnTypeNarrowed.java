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
 * A column of a consumed dataset is never narrowed ({@code bigint → integer}, {@code varchar(320) →
 * varchar(100)}…): values consumers already hold may not fit.
 */
@RuleInfo(
    id = "column-type-narrowed",
    severity = Severity.ERROR,
    summary = "A column type of a consumed dataset is never narrowed")
public final class ColumnTypeNarrowed extends CompatibilityRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatasetChange dataset : change.changedConsumedDatasets()) {
      for (ColumnChange kept : dataset.columns()) {
        if (!kept.kept()) {
          continue;
        }
        Column old = kept.before().orElseThrow();
        kept.after()
            .filter(now -> TypeWidening.classify(old.type(), now.type()) == Verdict.NARROWED)
            .ifPresent(
                now ->
                    findings.report(
                        dataset.columnPath(old.name()).field("type"),
                        "Cannot narrow column '"
                            + column(dataset, old.name())
                            + "' from "
                            + old.type()
                            + " to "
                            + now.type()
                            + ": values it holds today may not fit; "
                            + sunkBy(dataset),
                        "keep "
                            + old.type()
                            + " (widening is allowed); for the narrower type add a new nullable"
                            + " column beside it"));
      }
    }
  }
}
