package dev.zdp.validator.rules.platform.zero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class ZeroColumnTypesTest {

  @Test
  void columnsOfIngestedDatasetsNeedATypeIcebergCanHold() {
    RuleFixture fixture = RuleFixture.run(new ZeroColumnTypes(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            "Column 'call_after' of dataset 'crm.customers' is time, which platform 'zero' cannot"
                + " carry",
            "Column 'total' of dataset 'crm.orders' is decimal(50,2), which platform 'zero'"
                + " cannot carry");
    assertThat(fixture.hints())
        .anySatisfy(h -> assertThat(h).contains("Spark SQL has no time-of-day type"))
        .anySatisfy(h -> assertThat(h).contains("at most 38 digits"));
  }

  @Test
  void everyOtherTypeMapsAndUnsunkDatasetsAreNotChecked() {
    RuleFixture.run(new ZeroColumnTypes(), "valid").assertNoFindings();
  }
}
