package dev.zdp.validator.rules.deprecation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class DeprecatedSinkTest {

  @Test
  void sinksOnDeprecatedDataAreErrorsUnlessTheyAllowDeprecations() {
    RuleFixture fixture = RuleFixture.run(new DeprecatedSink(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            "Workspace 'churn' sinks dataset 'crm.segments', but dataset 'crm.segments' is"
                + " deprecated",
            "Workspace 'churn' sinks dataset 'crm.legacy_scores', but dataset"
                + " 'crm.legacy_scores' is deprecated",
            "Workspace 'churn' sinks dataset 'old_crm.contacts', but datastore 'old_crm' is"
                + " deprecated",
            "Workspace 'churn' sinks dataset 'old_crm.notes', but datastore 'old_crm' is"
                + " deprecated");
    assertThat(fixture.diagnostics())
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .allSatisfy(d -> assertThat(d.hint()).contains("deprecationsAllowed: true"));
  }

  @Test
  void deprecatedDataNobodySinksIsFine() {
    RuleFixture.run(new DeprecatedSink(), "valid").assertNoFindings();
  }
}
