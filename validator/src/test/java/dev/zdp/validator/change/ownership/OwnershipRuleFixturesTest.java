package dev.zdp.validator.change.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.change.ChangeRuleFixtures;
import org.junit.jupiter.api.Test;

/**
 * Each ownership rule over its own fixtures ({@code change-rules/<rule-id>/}, each naming the
 * change's source repository): a broken change where it fires on exactly the marked lines, and the
 * same change from the owning repository, where it is silent.
 */
class OwnershipRuleFixturesTest {

  @Test
  void firstModelSource() {
    ChangeRuleFixtures.assertBrokenAndValid(new FirstModelSource());
  }

  @Test
  void changeSourceOwnsNothing() {
    ChangeRuleFixtures.assertBrokenAndValid(new ChangeSourceOwnsNothing());
  }

  @Test
  void ownership() {
    ChangeRuleFixtures.assertBrokenAndValid(new ObjectOwnership());
  }

  @Test
  void ownershipNamesTheOwnerAndItsRepository() {
    assertThat(ChangeRuleFixtures.messages(new ObjectOwnership(), "broken"))
        .containsExactly(
            "Cannot change Datastore 'crm' from acme/analytics@main: it belongs to team 'sales',"
                + " owned by acme/sales@main");
  }
}
