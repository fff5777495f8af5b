package dev.zdp.validator.rules.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class SingleEcosystemTest {

  @Test
  void aModelWithoutEcosystemGetsOneModelWideError() {
    RuleFixture fixture = RuleFixture.run(new SingleEcosystem(), "none").assertMatchesMarkers();

    assertThat(fixture.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location()).isEmpty();
              assertThat(d.message()).isEqualTo("The model has no Ecosystem document");
              assertThat(d.hint()).contains("kind: Ecosystem");
            });
  }

  @Test
  void everyEcosystemAfterTheFirstIsAnError() {
    RuleFixture fixture = RuleFixture.run(new SingleEcosystem(), "several").assertMatchesMarkers();

    assertThat(fixture.messages())
        .contains(
            "Another Ecosystem document, 'acme_eu': a model has exactly one, and the first is"
                + " 'acme' at ecosystem.yaml:4",
            "Another Ecosystem document, 'acme': a model has exactly one, and the first is"
                + " 'acme' at ecosystem.yaml:4");
  }

  @Test
  void exactlyOneEcosystemIsFine() {
    RuleFixture.run(new SingleEcosystem(), "valid").assertNoFindings();
  }
}
