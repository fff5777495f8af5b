package dev.zdp.validator.change.platform;

import dev.zdp.model.ColumnType;
import dev.zdp.model.platform.Consumer;
import dev.zdp.model.platform.zero.ZeroNames;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ColumnChange;
import dev.zdp.validator.change.Consumers;
import dev.zdp.validator.change.DatasetChange;
import java.util.List;

/**
 * Zero's staging and corpus tables are Apache Iceberg tables, and Iceberg changes a column's type
 * in place only by promoting {@code int → long}, {@code float → double}, or widening a {@code
 * decimal}'s precision at the same scale; a narrower integer, float or string is written into the
 * wider column the tables keep. Any other type change of a column a Zero platform consumes (an
 * integer to a decimal or to text, a decimal's scale, a narrowed decimal, {@code date → timestamp})
 * would make the sink or the MERGE jobs fail, so it is refused even as an allowed breaking change
 * ({@link ZeroNames#appliesInPlace}, beside the type mapping the generator renders).
 */
@RuleInfo(
    id = "zero-schema-evolution",
    severity = Severity.ERROR,
    summary =
        "A column type of a dataset consumed on Zero changes only in ways its Iceberg tables take"
            + " in place")
public final class ZeroSchemaEvolution extends ZeroRule {

  @Override
  void check(DatasetChange dataset, List<Consumer> onZero, ChangeFindings findings) {
    for (ColumnChange kept : dataset.columns()) {
      if (!kept.kept()) {
        continue;
      }
      ColumnType from = kept.before().orElseThrow().type();
      ColumnType to = kept.after().orElseThrow().type();
      if (from.equals(to) || ZeroNames.appliesInPlace(from, to)) {
        continue;
      }
      findings.report(
          dataset.columnPath(kept.name()).field("type"),
          "Cannot change column '"
              + column(dataset, kept.name())
              + "' from "
              + from
              + " to "
              + to
              + " on Zero, even as an allowed breaking change: its Iceberg tables cannot change "
              + ZeroNames.mapType(from).iceberg()
              + " to "
              + ZeroNames.mapType(to).iceberg()
              + " in place (Iceberg promotes only int → long, float → double and a decimal's"
              + " precision at the same scale), so the sink or the MERGE jobs would fail; it"
              + " breaks "
              + Consumers.describe(onZero),
          "keep " + from + " and add a new nullable column of type " + to + " beside it");
    }
  }
}
