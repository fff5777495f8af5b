package dev.zdp.validator.change.platform;

import dev.zdp.model.platform.Consumer;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.Consumers;
import dev.zdp.validator.change.DatasetChange;
import java.util.List;

/**
 * Zero's MERGE jobs match changes to corpus rows by the dataset's primary key. With another key
 * they would match rows written under the old one by the new one: rows the old key kept apart would
 * be updated or deleted together, and the key columns of the corpus tables would not follow. So a
 * key change of a dataset a Zero platform consumes is refused even as an allowed breaking change; a
 * new dataset with the new key gets corpus tables of its own.
 */
@RuleInfo(
    id = "zero-primary-key-changed",
    severity = Severity.ERROR,
    summary =
        "A dataset consumed on Zero keeps its primary key, even as an allowed breaking change")
public final class ZeroPrimaryKeyChanged extends ZeroRule {

  @Override
  void check(DatasetChange dataset, List<Consumer> onZero, ChangeFindings findings) {
    if (!dataset.keyChanged()) {
      return;
    }
    findings.report(
        dataset.path(),
        "Cannot change the primary key of dataset '"
            + dataset.qualifiedName()
            + "' from "
            + dataset.keyBefore()
            + " to "
            + dataset.keyAfter()
            + " on Zero, even as an allowed breaking change: its MERGE jobs would match the rows"
            + " written under the old key by the new one; it breaks "
            + Consumers.describe(onZero),
        "keep the key "
            + dataset.keyBefore()
            + "; for another key publish a new dataset (its own corpus tables, filled from its"
            + " first snapshot), move the consumers to it and deprecate this one");
  }
}
