package dev.zdp.validator.change.platform;

import dev.zdp.model.Column;
import dev.zdp.model.platform.Consumer;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ColumnChange;
import dev.zdp.validator.change.Consumers;
import dev.zdp.validator.change.DatasetChange;
import java.util.List;

/**
 * A column removed from a dataset a Zero platform consumes stays in its corpus tables and is no
 * longer written, so new rows hold NULL there; a {@code nullable: false} column is {@code NOT NULL}
 * in those tables, so every MERGE would fail. It is refused even as an allowed breaking change:
 * made nullable first (the deploy then drops {@code NOT NULL}), it can be removed in a later
 * change. A key column is the key's business ({@link ZeroPrimaryKeyChanged}).
 */
@RuleInfo(
    id = "zero-required-column-removed",
    severity = Severity.ERROR,
    summary =
        "A nullable: false column of a dataset consumed on Zero is made nullable before it is"
            + " removed")
public final class ZeroRequiredColumnRemoved extends ZeroRule {

  @Override
  void check(DatasetChange dataset, List<Consumer> onZero, ChangeFindings findings) {
    for (ColumnChange removed : dataset.columns()) {
      Column old = removed.before().orElse(null);
      if (!removed.removed() || old.nullable() || old.primaryKey()) {
        continue;
      }
      findings.reportRemoved(
          dataset.columnPath(old.name()),
          "Cannot remove column '"
              + column(dataset, old.name())
              + "' (nullable: false) on Zero, even as an allowed breaking change: its corpus"
              + " tables keep it as NOT NULL and the MERGE jobs would no longer write it, so"
              + " every MERGE would fail; it breaks "
              + Consumers.describe(onZero),
          "first make it nullable (remove `nullable: false`, an allowed breaking change whose"
              + " deploy drops NOT NULL in the corpus tables) and deploy that; then remove it in"
              + " a later change");
    }
  }
}
