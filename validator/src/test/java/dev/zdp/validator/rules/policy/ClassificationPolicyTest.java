package dev.zdp.validator.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class ClassificationPolicyTest {

  @Test
  void reportsRefusedClassificationsAtTheSinkWithThePolicyLines() {
    RuleFixture fixture =
        RuleFixture.run(new ClassificationPolicy(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            "Cannot sink dataset 'crm.customers' into Workspace 'churn': Zone 'americas' denies"
                + " classification 'pii' (americas.yaml:12)",
            "Cannot sink dataset 'crm.segments' into Workspace 'churn': Zone 'americas' denies"
                + " classification 'pii' (americas.yaml:12); Zone 'americas' allows only"
                + " classifications 'public', 'internal', 'financial', 'pii', not 'marketing',"
                + " 'behavioural' (americas.yaml:11)");
    assertThat(fixture.hints())
        .contains(
            "remove this sink, or ask the owners of Zone 'americas' to allow classification"
                + " 'pii'",
            "remove this sink, or ask the owners of Zone 'americas' to allow classifications"
                + " 'marketing', 'behavioural', 'pii'");
    assertThat(fixture.diagnostics())
        .anySatisfy(
            d ->
                assertThat(d.object().orElseThrow())
                    .hasToString("Workspace/churn/datasetGroups[crm_feed]/sinks[crm.customers]"));
  }

  @Test
  void sinksOfPermittedClassificationsAreFine() {
    RuleFixture.run(new ClassificationPolicy(), "valid").assertNoFindings();
  }
}
