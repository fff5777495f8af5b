package dev.zdp.validator.rules.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.rules.RuleFixture;
import org.junit.jupiter.api.Test;

class PrimaryKeyTest {

  @Test
  void reportsDatasetsWithoutKeyAndNullableKeyColumns() {
    RuleFixture fixture = RuleFixture.run(new PrimaryKey(), "broken").assertMatchesMarkers();

    assertThat(fixture.messages())
        .containsExactlyInAnyOrder(
            "Dataset 'crm.customers': primary key column 'id' must not be nullable",
            "Dataset 'crm.order_lines': primary key column 'line_no' must not be nullable",
            "Dataset 'crm.events' has no primary key");
    assertThat(fixture.hints()).contains("write nullable: false on 'id'");
    assertThat(fixture.diagnostics())
        .anySatisfy(
            d ->
                assertThat(d.object().orElseThrow())
                    .hasToString("Datastore/crm/datasets[order_lines]/columns[line_no]/nullable"))
        .anySatisfy(
            d ->
                assertThat(d.object().orElseThrow()).hasToString("Datastore/crm/datasets[events]"));
  }

  @Test
  void keysOfNonNullableColumnsAreFine() {
    RuleFixture.run(new PrimaryKey(), "valid").assertNoFindings();
  }
}
