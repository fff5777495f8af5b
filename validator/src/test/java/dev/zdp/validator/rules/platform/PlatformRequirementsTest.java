package dev.zdp.validator.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class PlatformRequirementsTest {

  @Test
  void aGroupWithNeitherPlatformNorRequirementsIsReported() {
    RuleFixture fixture =
        RuleFixture.run(new PlatformRequirements(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactly(
            "Dataset group 'crm_feed' of Workspace 'churn' names no platform and no requirements");
    assertThat(fixture.hints())
        .containsExactly("write platform: zero, or requirements: {milestoning: live}");
  }

  @Test
  void requirementsNoPlatformSatisfiesAreReported() {
    RuleFixture fixture =
        RuleFixture.run(new PlatformRequirements(), "no-platforms").assertMatchesMarkers();

    assertThat(fixture.messages())
        .contains(
            "Dataset group 'history' of Workspace 'churn' requires forensic milestoning, but no"
                + " platform of the Ecosystem keeps it");
    assertThat(fixture.hints())
        .allSatisfy(h -> assertThat(h).startsWith("define a platform in the Ecosystem"));
    assertThat(fixture.diagnostics())
        .anySatisfy(
            d ->
                assertThat(d.object().orElseThrow())
                    .hasToString("Workspace/churn/datasetGroups[history]/requirements"));
  }

  @Test
  void zeroSatisfiesLiveAndForensicMilestoning() {
    RuleFixture.run(new PlatformRequirements(), "valid").assertNoFindings();
  }
}
