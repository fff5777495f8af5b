package dev.zdp.validator.rules.production;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class ProductionDependencyTest {

  @Test
  void aProductionWorkspaceSinkingANonProductionDatastoreIsWarned() {
    RuleFixture fixture =
        RuleFixture.run(new ProductionDependency(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            "Production Workspace 'churn' sinks dataset 'crm.customers' of datastore 'crm', which"
                + " is not in production",
            "Production Workspace 'churn' sinks dataset 'crm.orders' of datastore 'crm', which is"
                + " not in production");
    assertThat(fixture.hints())
        .allSatisfy(
            h ->
                assertThat(h)
                    .startsWith("ask team 'customer_team' to put datastore 'crm' in production"));
  }

  @Test
  void productionOnProductionAndAnythingOnNonProductionAreFine() {
    RuleFixture.run(new ProductionDependency(), "valid").assertNoFindings();
  }
}
