package dev.zdp.validator.rules.platform.zero;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class ZeroCaptureTypeTest {

  @Test
  void anIngestedDatastoreMustBeCapturedWithPostgresCdc() {
    RuleFixture fixture = RuleFixture.run(new ZeroCaptureType(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactly(
            "Datastore 'crm' is captured with 'mysql-binlog', but platform 'zero' (type zero)"
                + " ingests it and runs only postgres-cdc");
    assertThat(fixture.diagnostics())
        .allSatisfy(
            d -> assertThat(d.object().orElseThrow()).hasToString("Datastore/crm/capture/type"));
  }

  @Test
  void datastoresNobodySinksMayUseOtherCaptureTypes() {
    RuleFixture.run(new ZeroCaptureType(), "valid").assertNoFindings();
  }
}
