package dev.zdp.validator.rules.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class DuplicateNameTest {

  @Test
  void reportsEachLaterCopyAndWhereTheFirstIs() {
    RuleFixture fixture = RuleFixture.run(new DuplicateName(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .contains(
            "Duplicate Datastore 'billing': first defined at billing.yaml:4",
            "Duplicate Team 'analytics_team': first defined at americas.yaml:21",
            "Duplicate dataset 'crm.orders': first defined at crm.yaml:20",
            "Duplicate column 'email' of dataset 'crm.customers': first defined at crm.yaml:18",
            "Duplicate zone declaration 'americas' of Ecosystem 'acme': first defined at"
                + " ecosystem.yaml:9",
            "Duplicate platform 'zero' of Ecosystem 'acme': first defined at ecosystem.yaml:12",
            "Duplicate team declaration 'customer_team' of Zone 'americas': first defined at"
                + " americas.yaml:7",
            "Duplicate dataset group 'crm_feed' of Workspace 'churn': first defined at"
                + " churn.yaml:8",
            "Duplicate sink 'crm.orders' of dataset group 'orders_feed' of Workspace 'churn':"
                + " first defined at churn.yaml:15");
    assertThat(fixture.hints())
        .contains(
            "rename or remove one of them: Datastore names are unique across the ecosystem",
            "rename or remove one of them: column names are unique within dataset"
                + " 'crm.customers'",
            "remove the repeated sink");
  }

  @Test
  void namesRepeatedInDifferentScopesAreFine() {
    RuleFixture.run(new DuplicateName(), "valid").assertNoFindings();
  }
}
