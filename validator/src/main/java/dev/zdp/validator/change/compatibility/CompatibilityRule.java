package dev.zdp.validator.change.compatibility;

import dev.zdp.validator.change.ChangeCategory;
import dev.zdp.validator.change.ChangeRule;
import dev.zdp.validator.change.DatasetChange;

/**
 * What every backwards-compatibility rule shares: errors that {@code --allow-breaking-changes} may
 * turn into warnings, about datasets at least one workspace sinks. Each rule declares its id,
 * severity and summary in its {@link dev.zdp.validator.RuleInfo}.
 */
abstract class CompatibilityRule implements ChangeRule {

  @Override
  public final ChangeCategory category() {
    return ChangeCategory.COMPATIBILITY;
  }

  /** {@code it breaks workspace 'churn' (team analytics), which sinks it}: whom it breaks. */
  static String sunkBy(DatasetChange dataset) {
    long workspaces = dataset.consumers().stream().map(c -> c.workspace()).distinct().count();
    return "it breaks "
        + dataset.consumersDescribed()
        + (workspaces == 1 ? ", which sinks it" : ", which sink it");
  }

  /** {@code crm.customers.email}. */
  static String column(DatasetChange dataset, String column) {
    return dataset.qualifiedName() + "." + column;
  }
}
