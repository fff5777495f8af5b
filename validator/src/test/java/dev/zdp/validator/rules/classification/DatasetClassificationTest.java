package dev.zdp.validator.rules.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class DatasetClassificationTest {

  @Test
  void unclassifiedDataIsAWarningAndAnErrorInProduction() {
    RuleFixture fixture =
        RuleFixture.run(new DatasetClassification(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            "Dataset 'crm.orders' has no classifications",
            "Dataset 'billing.invoices' has no classifications and its datastore is in production",
            "Dataset 'billing.payments' has no classifications and its datastore is in"
                + " production");
    assertThat(fixture.diagnostics())
        .anySatisfy(
            d -> {
              assertThat(d.object().orElseThrow())
                  .hasToString("Datastore/billing/datasets[payments]/classifications");
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
            });
    assertThat(fixture.hints()).allSatisfy(h -> assertThat(h).contains("classifications: ["));
  }

  @Test
  void classifiedDatasetsAreFine() {
    RuleFixture.run(new DatasetClassification(), "valid").assertNoFindings();
  }
}
