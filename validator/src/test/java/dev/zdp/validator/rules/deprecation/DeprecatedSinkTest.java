package dev.zdp.validator.rules.deprecation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class DeprecatedSinkTest {

  @Test
  void sinksOnDeprecatedDataAreErrorsUnlessTheyAllowDeprecations() {
    RuleFixture fixture = RuleFixture.run(new DeprecatedSink(), "broken").assertMatchesMarkers();

    String churn = "Workspace 'churn' of team 'analytics_team' (acme/analytics@main) sinks";
    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            churn + " dataset 'crm.segments', but dataset 'crm.segments' is deprecated",
            churn + " dataset 'crm.legacy_scores', but dataset 'crm.legacy_scores' is deprecated",
            churn + " dataset 'old_crm.contacts', but datastore 'old_crm' is deprecated",
            churn + " dataset 'old_crm.notes', but datastore 'old_crm' is deprecated");
    assertThat(fixture.diagnostics())
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .allSatisfy(
            d ->
                assertThat(d.hint())
                    .startsWith("team 'analytics_team' (acme/analytics@main) should move to")
                    .contains("ask team 'customer_team'")
                    .contains("deprecationsAllowed: true"));
  }

  @Test
  void aConsumingTeamNoZoneDeclaresIsNamedWithoutARepository() {
    RuleFixture fixture =
        RuleFixture.run(new DeprecatedSink(), "undeclared-team").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactly(
            "Workspace 'churn' of team 'analytics_team' sinks dataset 'crm.segments', but dataset"
                + " 'crm.segments' is deprecated");
  }

  @Test
  void deprecatedDataNobodySinksIsFine() {
    RuleFixture.run(new DeprecatedSink(), "valid").assertNoFindings();
  }
}
