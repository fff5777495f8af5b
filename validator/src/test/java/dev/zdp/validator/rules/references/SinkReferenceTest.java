package dev.zdp.validator.rules.references;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class SinkReferenceTest {

  @Test
  void reportsEverySinkWhoseDatastoreOrDatasetDoesNotExist() {
    RuleFixture fixture = RuleFixture.run(new SinkReference(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .contains(
            "Cannot sink dataset 'crm.customer': datastore 'crm' has no dataset 'customer'",
            "Cannot sink dataset 'crms.orders': no datastore 'crms' is defined",
            "Cannot sink dataset 'billing.invoices': no datastore 'billing' is defined",
            "Cannot sink dataset 'crm.invoices': datastore 'crm' has no dataset 'invoices'");
    assertThat(fixture.hints())
        .contains(
            "did you mean 'customers'?",
            "did you mean 'crm'?",
            "datastore 'crm' publishes 'customers', 'orders'");
  }

  @Test
  void reportsAtTheFieldThatNamesTheMissingObject() {
    RuleFixture fixture = RuleFixture.run(new SinkReference(), "broken");

    assertThat(fixture.diagnostics())
        .anySatisfy(
            d ->
                assertThat(d.object().orElseThrow())
                    .hasToString(
                        "Workspace/churn/datasetGroups[crm_feed]/sinks[crm.customer]/dataset"))
        .anySatisfy(
            d ->
                assertThat(d.object().orElseThrow())
                    .hasToString(
                        "Workspace/churn/datasetGroups[crm_feed]/sinks[crms.orders]/datastore"));
  }

  @Test
  void sinksOfExistingDatasetsAreFine() {
    RuleFixture.run(new SinkReference(), "valid").assertNoFindings();
  }
}
