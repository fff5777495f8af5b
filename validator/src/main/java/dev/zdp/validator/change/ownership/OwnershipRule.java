package dev.zdp.validator.change.ownership;

import dev.zdp.validator.change.ChangeCategory;
import dev.zdp.validator.change.ChangeRule;

/**
 * What every ownership rule shares: its errors are never lowered, not even by {@code
 * --allow-breaking-changes}, nor by {@code spec.rules}. Each rule declares its id, severity and
 * summary in its {@link dev.zdp.validator.RuleInfo}.
 */
abstract class OwnershipRule implements ChangeRule {

  @Override
  public final ChangeCategory category() {
    return ChangeCategory.OWNERSHIP;
  }
}
