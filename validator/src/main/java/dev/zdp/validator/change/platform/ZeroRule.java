package dev.zdp.validator.change.platform;

import dev.zdp.model.Platform;
import dev.zdp.model.platform.Consumer;
import dev.zdp.validator.change.ChangeCategory;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ChangeRule;
import dev.zdp.validator.change.DatasetChange;
import dev.zdp.validator.change.ModelChange;
import java.util.List;

/**
 * What every rule about the Zero deploy shares: errors about consumed datasets that {@code
 * --allow-breaking-changes} does not turn into warnings, since the change would make the MERGE jobs
 * fail rather than break consumers' expectations. Each rule declares its id, severity and summary
 * in its {@link dev.zdp.validator.RuleInfo}.
 */
abstract class ZeroRule implements ChangeRule {

  @Override
  public final ChangeCategory category() {
    return ChangeCategory.PLATFORM;
  }

  /**
   * Checks each changed dataset that a dataset group served by a Zero platform consumes (the
   * platform a group names, or the one the intention graph assigns for its requirements).
   */
  @Override
  public final void check(ModelChange change, ChangeFindings findings) {
    for (DatasetChange dataset : change.changedConsumedDatasets()) {
      List<Consumer> onZero =
          dataset.consumers().stream().filter(c -> c.servedBy(Platform.ZERO)).toList();
      if (!onZero.isEmpty()) {
        check(dataset, onZero, findings);
      }
    }
  }

  /** Reports what {@code dataset}'s change does to its sinks on Zero, {@code onZero}. */
  abstract void check(DatasetChange dataset, List<Consumer> onZero, ChangeFindings findings);

  /** {@code crm.customers.email}. */
  static String column(DatasetChange dataset, String column) {
    return dataset.qualifiedName() + "." + column;
  }
}
