package dev.zdp.validator.rules.references;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class PlatformReferenceTest {

  @Test
  void reportsGroupsOnPlatformsTheEcosystemDoesNotDefine() {
    RuleFixture fixture = RuleFixture.run(new PlatformReference(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .contains(
            "Dataset group 'crm_feed' of Workspace 'churn' runs on platform 'zer0', but"
                + " Ecosystem 'acme' defines no platform 'zer0'");
    assertThat(fixture.hints())
        .containsExactlyInAnyOrder(
            "did you mean 'zero'?",
            "name one of 'zero', or write requirements instead of a platform");
    assertThat(fixture.diagnostics())
        .anySatisfy(
            d ->
                assertThat(d.object().orElseThrow())
                    .hasToString("Workspace/churn/datasetGroups[orders_feed]/platform"));
  }

  @Test
  void namedPlatformsAndRequirementsAreFine() {
    RuleFixture.run(new PlatformReference(), "valid").assertNoFindings();
  }
}
