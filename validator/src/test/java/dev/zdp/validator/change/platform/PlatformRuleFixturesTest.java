package dev.zdp.validator.change.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.change.ChangeRuleFixtures;
import org.junit.jupiter.api.Test;

/**
 * Each rule about what the Zero deploy can apply, over its own fixtures ({@code
 * change-rules/<rule-id>/}): a broken change where it fires on exactly the marked lines, and a
 * valid one (a change the deploy applies, or the same change to a dataset nobody consumes) where it
 * is silent.
 */
class PlatformRuleFixturesTest {

  @Test
  void zeroSchemaEvolution() {
    ChangeRuleFixtures.assertBrokenAndValid(new ZeroSchemaEvolution());
  }

  @Test
  void zeroRequiredColumnRemoved() {
    ChangeRuleFixtures.assertBrokenAndValid(new ZeroRequiredColumnRemoved());
  }

  @Test
  void zeroRequiredColumnRemovedSaysToMakeItNullableFirst() {
    assertThat(ChangeRuleFixtures.messages(new ZeroRequiredColumnRemoved(), "broken"))
        .containsExactly(
            "Cannot remove column 'crm.orders.customer_id' (nullable: false) on Zero, even as an"
                + " allowed breaking change: its corpus tables keep it as NOT NULL and the MERGE"
                + " jobs would no longer write it, so every MERGE would fail; it breaks workspace"
                + " 'churn' (team analytics)");
  }

  @Test
  void zeroPrimaryKeyChanged() {
    ChangeRuleFixtures.assertBrokenAndValid(new ZeroPrimaryKeyChanged());
  }
}
