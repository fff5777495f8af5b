package dev.zdp.validator.change.compatibility;

import dev.zdp.model.Column;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ColumnChange;
import dev.zdp.validator.change.DatasetChange;
import dev.zdp.validator.change.ModelChange;

/**
 * A column of a consumed dataset keeps its nullability: made not nullable, rows consumers hold may
 * break it; made nullable, consumers that rely on a value get nulls.
 */
@RuleInfo(
    id = "column-nullability-changed",
    severity = Severity.ERROR,
    summary = "A column of a consumed dataset keeps its nullability, in either direction")
public final class ColumnNullabilityChanged extends CompatibilityRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatasetChange dataset : change.changedConsumedDatasets()) {
      for (ColumnChange kept : dataset.columns()) {
        if (!kept.kept()) {
          continue;
        }
        Column old = kept.before().orElseThrow();
        kept.after()
            .filter(now -> now.nullable() != old.nullable())
            .ifPresent(
                now ->
                    findings.report(
                        dataset.columnPath(old.name()).field("nullable"),
                        "Cannot make column '"
                            + column(dataset, old.name())
                            + (now.nullable() ? "' nullable" : "' not nullable")
                            + " ("
                            + describe(old)
                            + " → "
                            + describe(now)
                            + "): "
                            + (now.nullable()
                                ? "consumers rely on it always having a value; "
                                : "rows consumers already hold may have no value; ")
                            + sunkBy(dataset),
                        "keep `nullable: "
                            + old.nullable()
                            + "`; for different nullability add a new nullable column beside it"));
      }
    }
  }

  private static String describe(Column column) {
    return column.nullable() ? "nullable" : "nullable: false";
  }
}
