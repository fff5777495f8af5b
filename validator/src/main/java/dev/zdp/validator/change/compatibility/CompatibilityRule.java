package dev.zdp.validator.change.compatibility;

import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeCategory;
import dev.zdp.validator.change.ChangeRule;
import dev.zdp.validator.change.DatasetChange;

/**
 * What every backwards-compatibility rule shares: errors that {@code --allow-breaking-changes} may
 * turn into warnings, about datasets at least one workspace sinks.
 */
abstract class CompatibilityRule implements ChangeRule {

  private final String id;
  private final String summary;

  CompatibilityRule(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String summary() {
    return summary;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

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
