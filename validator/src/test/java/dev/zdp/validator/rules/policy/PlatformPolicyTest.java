package dev.zdp.validator.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class PlatformPolicyTest {

  @Test
  void reportsGroupsOnPlatformsTheZoneRefuses() {
    RuleFixture fixture = RuleFixture.run(new PlatformPolicy(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            "Dataset group 'lake_feed' of Workspace 'churn' runs on platform 'lake', but Zone"
                + " 'americas' denies platform 'lake' (americas.yaml:12)",
            "Dataset group 'history' of Workspace 'churn' runs on platform 'lake' (the first"
                + " platform keeping forensic milestoning), but Zone 'americas' denies platform"
                + " 'lake' (americas.yaml:12)",
            "Dataset group 'experiments' of Workspace 'churn' runs on platform 'sandbox', but"
                + " Zone 'americas' allows only platforms 'zero', 'lake', not 'sandbox'"
                + " (americas.yaml:11)");
    assertThat(fixture.diagnostics())
        .anySatisfy(
            d ->
                assertThat(d.object().orElseThrow())
                    .hasToString("Workspace/churn/datasetGroups[history]/requirements"));
  }

  @Test
  void groupsOnPermittedPlatformsAreFine() {
    RuleFixture.run(new PlatformPolicy(), "valid").assertNoFindings();
  }
}
