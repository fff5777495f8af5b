package dev.zdp.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.references.SinkReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixture helper itself fails when a rule fires off its markers or misses one. */
class RuleFixtureTest {

  private static final RuleRegistry SINKS = new RuleRegistry(List.of(new SinkReference()));

  @Test
  void aFindingOnAnUnmarkedLineFails() {
    RuleFixture fixture = RuleFixture.run(SINKS, "fixture-self-test/unmarked");

    assertThat(fixture.actual())
        .containsExactly(new RuleFixture.Mark("churn.yaml", 12, "sink-reference", Severity.ERROR));
    assertThatThrownBy(fixture::assertMatchesMarkers)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("churn.yaml:0012 error sink-reference");
  }

  @Test
  void aMarkerWithoutFindingFails() {
    RuleFixture fixture = RuleFixture.run(SINKS, "fixture-self-test/stray-marker");

    assertThat(fixture.expected())
        .containsExactly(new RuleFixture.Mark("churn.yaml", 12, "sink-reference", Severity.ERROR));
    assertThatThrownBy(fixture::assertMatchesMarkers).isInstanceOf(AssertionError.class);
  }

  @Test
  void warningAndModelMarkersAreRead() {
    assertThat(RuleFixture.run(SINKS, "rules/zone-declaration/broken").expected())
        .contains(new RuleFixture.Mark("ecosystem.yaml", 10, "zone-declaration", Severity.WARNING));
    assertThat(RuleFixture.run(SINKS, "rules/single-ecosystem/none").expected())
        .containsExactly(
            new RuleFixture.Mark(RuleFixture.Mark.MODEL, 0, "single-ecosystem", Severity.ERROR));
  }
}
