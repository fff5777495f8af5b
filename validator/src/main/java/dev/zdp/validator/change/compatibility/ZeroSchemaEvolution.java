package dev.zdp.validator.change.compatibility;

import dev.zdp.model.Column;
import dev.zdp.model.ColumnType;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.Consumer;
import dev.zdp.model.platform.zero.ZeroNames;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ColumnChange;
import dev.zdp.validator.change.Consumers;
import dev.zdp.validator.change.DatasetChange;
import dev.zdp.validator.change.ModelChange;
import dev.zdp.validator.change.compatibility.TypeWidening.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * Zero is stricter than the logical table: its staging and corpus tables are Apache Iceberg tables,
 * and Iceberg changes a column's type in place only by promoting {@code int → long}, {@code float →
 * double}, or widening a {@code decimal}'s precision at the same scale ({@link
 * ZeroNames#icebergPromotes}, beside the type mapping the generator renders). A widening the
 * logical rules allow but Iceberg cannot apply (an integer to a decimal, a decimal's scale) is an
 * error for datasets a dataset group served by a Zero platform consumes; which platform serves a
 * group is the intention graph's answer, as for the generator.
 */
@RuleInfo(
    id = "zero-schema-evolution",
    severity = Severity.ERROR,
    summary =
        "A column type of a dataset consumed on Zero changes only in ways Iceberg can apply in"
            + " place")
public final class ZeroSchemaEvolution extends CompatibilityRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatasetChange dataset : change.changedConsumedDatasets()) {
      List<Consumer> onZero =
          dataset.consumers().stream().filter(c -> c.servedBy(Platform.ZERO)).toList();
      if (onZero.isEmpty()) {
        continue;
      }
      for (ColumnChange kept : dataset.columns()) {
        Column old = kept.before().orElse(null);
        Optional<Column> now = kept.after();
        if (!kept.kept()
            || TypeWidening.classify(old.type(), now.get().type()) != Verdict.WIDENED
            || ZeroNames.icebergPromotes(old.type(), now.get().type())) {
          continue;
        }
        ColumnType to = now.get().type();
        findings.report(
            dataset.columnPath(old.name()).field("type"),
            "Cannot change column '"
                + column(dataset, old.name())
                + "' from "
                + old.type()
                + " to "
                + to
                + " on Zero: its Iceberg tables cannot change "
                + ZeroNames.mapType(old.type()).iceberg()
                + " to "
                + ZeroNames.mapType(to).iceberg()
                + " in place (Iceberg promotes only int → long, float → double and a decimal's"
                + " precision at the same scale); it breaks "
                + Consumers.describe(onZero),
            "keep " + old.type() + " and add a new nullable column of type " + to + " beside it");
      }
    }
  }
}
