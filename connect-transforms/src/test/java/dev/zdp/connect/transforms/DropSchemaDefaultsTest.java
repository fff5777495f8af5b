package dev.zdp.connect.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class DropSchemaDefaultsTest {

  private final DropSchemaDefaults<SinkRecord> transform = new DropSchemaDefaults<>();

  /** A row as the sink reads it: Debezium's schema (with the column DEFAULTs), the row's values. */
  private static SchemaAndValue row(String status, String price) {
    JsonConverter converter = new JsonConverter();
    converter.configure(
        Map.of("schemas.enable", "true", "replace.null.with.default", "false"), false);
    String json =
        """
        {"schema": {"type": "struct", "name": "inv.items.Value", "optional": false, "fields": [
          {"field": "id", "type": "int32", "optional": false},
          {"field": "status", "type": "string", "optional": true, "default": "new"},
          {"field": "price", "type": "bytes", "optional": true, "name": "org.apache.kafka.connect.data.Decimal",
           "version": 1, "parameters": {"scale": "2"}, "default": "AZA="},
          {"field": "tags", "type": "array", "optional": true,
           "items": {"type": "string", "optional": true, "default": "none"}}]},
         "payload": {"id": 1, "status": %s, "price": %s, "tags": ["a", null]}}
        """
            .formatted(status, price);
    return converter.toConnectData("inv.items", json.getBytes(StandardCharsets.UTF_8));
  }

  private SinkRecord transformed(SchemaAndValue row) {
    return transform.apply(new SinkRecord("inv.items", 0, null, 7, row.schema(), row.value(), 42L));
  }

  @Test
  void anExplicitNullIsReadAsNullNotAsTheColumnsDefault() {
    SchemaAndValue row = row("null", "null");
    Struct before = (Struct) row.value();
    assertThat(before.get("status"))
        .as("what the Iceberg sink reads without the transform")
        .isEqualTo("new");

    Struct after = (Struct) transformed(row).value();

    assertThat(after.get("status")).isNull();
    assertThat(after.get("price")).isNull();
    assertThat(after.get("tags")).isEqualTo(java.util.Arrays.asList("a", null));
    assertThat(after.get("id")).isEqualTo(1);
  }

  @Test
  void valuesTypesAndLogicalTypesAreKept() {
    SinkRecord record = transformed(row("\"shipped\"", "\"AMM=\""));
    Struct after = (Struct) record.value();

    assertThat(after.get("status")).isEqualTo("shipped");
    assertThat(after.get("price")).isEqualTo(new BigDecimal("1.95"));
    Schema price = record.valueSchema().field("price").schema();
    assertThat(price.name()).isEqualTo(Decimal.LOGICAL_NAME);
    assertThat(price.parameters()).containsEntry("scale", "2");
    assertThat(price.isOptional()).isTrue();
    assertThat(price.defaultValue()).isNull();
    assertThat(record.valueSchema().name()).isEqualTo("inv.items.Value");
    assertThat(record.valueSchema().field("id").schema().isOptional()).isFalse();
    assertThat(record.kafkaOffset()).isEqualTo(42L);
    assertThat(record.key()).isEqualTo(7);
  }

  @Test
  void recordsWithoutDefaultsSchemasOrValuesPassThroughUnchanged() {
    Schema plain = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
    SinkRecord noDefaults =
        new SinkRecord("t", 0, null, null, plain, new Struct(plain).put("id", 1), 1L);
    SinkRecord schemaless = new SinkRecord("t", 0, null, null, null, Map.of("id", 1), 2L);
    SinkRecord tombstone = new SinkRecord("t", 0, null, 1, row("null", "null").schema(), null, 3L);

    for (SinkRecord record : List.of(noDefaults, schemaless, tombstone)) {
      assertThat(transform.apply(record)).isSameAs(record);
    }
  }

  @Test
  void theStrippedSchemaIsBuiltOncePerSchema() {
    SinkRecord first = transformed(row("null", "null"));
    SinkRecord second = transformed(row("\"x\"", "null"));
    assertThat(second.valueSchema()).isSameAs(first.valueSchema());
  }
}
