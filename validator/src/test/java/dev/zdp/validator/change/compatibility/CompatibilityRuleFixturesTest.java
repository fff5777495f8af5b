package dev.zdp.validator.change.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.change.ChangeRule;
import dev.zdp.validator.change.ChangeRuleFixtures;
import org.junit.jupiter.api.Test;

/**
 * Each compatibility rule over its own fixtures ({@code change-rules/<rule-id>/}): a broken change
 * where it fires on exactly the marked lines, and a valid one (the same change to a dataset nobody
 * consumes, or an allowed change) where it is silent.
 */
class CompatibilityRuleFixturesTest {

  private static void check(ChangeRule rule) {
    ChangeRuleFixtures.assertBrokenAndValid(rule);
  }

  @Test
  void columnRemoved() {
    check(new ColumnRemoved());
  }

  @Test
  void columnRemovedSaysWhatAndWhomItBreaks() {
    assertThat(ChangeRuleFixtures.messages(new ColumnRemoved(), "broken"))
        .containsExactly(
            "Cannot remove column 'crm.customers.email' (varchar(320) → removed): it breaks"
                + " workspace 'churn' (team analytics), which sinks it");
  }

  @Test
  void columnTypeNarrowed() {
    check(new ColumnTypeNarrowed());
  }

  @Test
  void columnTypeChanged() {
    check(new ColumnTypeChanged());
  }

  @Test
  void columnNullabilityChanged() {
    check(new ColumnNullabilityChanged());
  }

  @Test
  void columnAddedNotNullable() {
    check(new ColumnAddedNotNullable());
  }

  @Test
  void datastoreRemoved() {
    check(new DatastoreRemoved());
  }

  @Test
  void datasetRemoved() {
    check(new DatasetRemoved());
  }

  @Test
  void sourceRepointed() {
    check(new SourceRepointed());
  }

  @Test
  void sourceRepointedSaysWhatMovedAndWhomItBreaks() {
    assertThat(ChangeRuleFixtures.messages(new SourceRepointed(), "broken"))
        .containsExactly(
            "Cannot re-point datastore 'crm' (capture.host crm-db.internal → crm-replica.internal):"
                + " consumers would silently read another source; it breaks workspace 'churn'"
                + " (team analytics), which sink its datasets",
            "Cannot re-point dataset 'crm.orders' (table public.orders → sales.orders): consumers would"
                + " silently read another table; it breaks workspace 'churn' (team analytics),"
                + " which sinks it");
  }

  @Test
  void primaryKeyChanged() {
    check(new PrimaryKeyChanged());
  }

  @Test
  void classificationAddedNotAllowed() {
    check(new ClassificationAddedNotAllowed());
  }
}
