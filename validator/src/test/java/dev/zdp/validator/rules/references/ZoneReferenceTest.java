package dev.zdp.validator.rules.references;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class ZoneReferenceTest {

  @Test
  void reportsTeamsInZonesNeitherDefinedNorDeclared() {
    RuleFixture fixture = RuleFixture.run(new ZoneReference(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            "Team 'support_team' is in zone 'americs', but no Zone 'americs' is defined or"
                + " declared",
            "Team 'asia_team' is in zone 'asia', but no Zone 'asia' is defined or declared");
    assertThat(fixture.hints()).contains("did you mean 'americas'?");
    assertThat(fixture.diagnostics())
        .anySatisfy(
            d -> assertThat(d.object().orElseThrow()).hasToString("Team/support_team/zone"));
  }

  @Test
  void aDeclaredZoneWithoutDocumentIsNotReportedPerTeam() {
    RuleFixture.run(new ZoneReference(), "valid").assertNoFindings();
  }
}
