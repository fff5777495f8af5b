package dev.zdp.validator.rules.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class ZoneDeclarationTest {

  @Test
  void anUndeclaredZoneIsAnErrorAndAnUndefinedOneAWarning() {
    RuleFixture fixture = RuleFixture.run(new ZoneDeclaration(), "broken").assertMatchesMarkers();

    assertThat(fixture.diagnostics())
        .filteredOn(d -> d.severity() == Severity.ERROR)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).isEqualTo("Zone 'emea' is not declared in Ecosystem 'acme'");
              assertThat(d.hint())
                  .contains("spec.zones in ecosystem.yaml")
                  .contains("acme/data-model@main_admin owns");
            });
    assertThat(fixture.messages())
        .contains(
            "Zone 'apac' is declared, not yet defined",
            "Zone 'africa' is declared, not yet defined; its teams 'lagos_team', 'nairobi_team'"
                + " cannot be checked until it is");
    assertThat(fixture.hints())
        .contains(
            "add a Zone document named 'apac' in acme/apac@main, the repository its declaration"
                + " names");
  }

  @Test
  void declaredAndDefinedZonesAreFine() {
    RuleFixture.run(new ZoneDeclaration(), "valid").assertNoFindings();
  }
}
