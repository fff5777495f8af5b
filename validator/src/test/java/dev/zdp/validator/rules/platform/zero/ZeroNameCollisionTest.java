package dev.zdp.validator.rules.platform.zero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class ZeroNameCollisionTest {

  @Test
  void reportsSlotsAndTablesTwoOwnersDerive() {
    RuleFixture fixture = RuleFixture.run(new ZeroNameCollision(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            "The replication slot 'zdp_shared' of datastore 'crm' on platform 'zero' is also the"
                + " replication slot of datastore 'billing' on platform 'zero' (crm.yaml:30)",
            "The live table 'corpus.shop__orders__history' of dataset 'shop.orders__history' on"
                + " platform 'zero' is also the forensic table of dataset 'shop.orders' on"
                + " platform 'zero' (crm.yaml:45)",
            "The staging table 'staging.a__b__c' of dataset 'a__b.c' on platform 'zero' is also"
                + " the staging table of dataset 'a.b__c' on platform 'zero' (crm.yaml:62)");
    assertThat(fixture.hints())
        .contains("write a different slotName, or leave it out to use the derived one");
  }

  @Test
  void oneDatastoreSunkByManyGroupsDerivesEachNameOnce() {
    RuleFixture.run(new ZeroNameCollision(), "valid").assertNoFindings();
  }
}
