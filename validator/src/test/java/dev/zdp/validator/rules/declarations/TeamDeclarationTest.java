package dev.zdp.validator.rules.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class TeamDeclarationTest {

  @Test
  void anUndeclaredTeamIsAnErrorAndAnUndefinedOneAWarning() {
    RuleFixture fixture = RuleFixture.run(new TeamDeclaration(), "broken").assertMatchesMarkers();

    assertThat(fixture.diagnostics())
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message())
                  .isEqualTo("Team 'billing_team' is not declared in Zone 'americas'");
              assertThat(d.hint())
                  .contains("spec.teams in americas.yaml")
                  .contains("acme/americas@main owns");
            });
    assertThat(fixture.messages())
        .contains("Team 'support_team' is declared in Zone 'americas', not yet defined");
  }

  @Test
  void aTeamInADeclaredZoneWithoutDocumentIsNotReported() {
    RuleFixture.run(new TeamDeclaration(), "valid").assertNoFindings();
  }
}
