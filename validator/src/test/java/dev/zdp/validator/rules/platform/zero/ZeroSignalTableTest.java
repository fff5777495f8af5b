package dev.zdp.validator.rules.platform.zero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class ZeroSignalTableTest {

  @Test
  void aSunkDatasetOnTheSignalTableIsAnErrorWhateverItsCase() {
    RuleFixture fixture = RuleFixture.run(new ZeroSignalTable(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactly(
            "Dataset 'crm.signals': table 'public.zdp_signal' is the signal table"
                + " public.zdp_signal that platform 'zero' (type zero) keeps in database 'crm'"
                + " for its incremental snapshots",
            "Dataset 'crm.zdp_signal': table 'public.zdp_signal' is the signal table"
                + " public.zdp_signal that platform 'zero' (type zero) keeps in database 'crm'"
                + " for its incremental snapshots",
            "Dataset 'shop.signals': table 'PUBLIC.Zdp_Signal' is the signal table"
                + " public.zdp_signal that platform 'zero' (type zero) keeps in database 'shop'"
                + " for its incremental snapshots");
    assertThat(fixture.diagnostics())
        .allSatisfy(
            d ->
                assertThat(d.hint())
                    .startsWith("zdp reserves public.zdp_signal in every captured database:"));
  }

  @Test
  void anotherSchemaOrADatasetNobodySinksMayUseTheName() {
    RuleFixture.run(new ZeroSignalTable(), "valid").assertNoFindings();
  }
}
