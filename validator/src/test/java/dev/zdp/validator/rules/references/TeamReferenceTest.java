package dev.zdp.validator.rules.references;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class TeamReferenceTest {

  @Test
  void reportsEveryOwnerTeamThatIsNotDefined() {
    RuleFixture fixture = RuleFixture.run(new TeamReference(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .contains(
            "Datastore 'crm' is owned by team 'customer_teams', but no Team 'customer_teams' is"
                + " defined",
            "Workspace 'churn' is owned by team 'marketing', but no Team 'marketing' is defined");
    assertThat(fixture.hints()).contains("did you mean 'customer_team'?");
  }

  @Test
  void saysWhenTheTeamIsDeclaredButHasNoDocumentYet() {
    RuleFixture fixture = RuleFixture.run(new TeamReference(), "broken");

    assertThat(fixture.diagnostics())
        .filteredOn(d -> d.message().contains("'finance_team'"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.object().orElseThrow()).hasToString("Datastore/ledger/team");
              assertThat(d.hint())
                  .contains("declared in Zone 'americas'")
                  .contains("{name: finance_team, zone: americas}");
            });
  }

  @Test
  void ownersThatAreDefinedTeamsAreFine() {
    RuleFixture.run(new TeamReference(), "valid").assertNoFindings();
  }
}
