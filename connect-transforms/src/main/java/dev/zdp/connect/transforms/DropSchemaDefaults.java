package dev.zdp.connect.transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Removes the default values from a record value's schema, keeping every value as it is, so that a
 * NULL stays NULL in whatever reads the record next.
 *
 * <p>Debezium puts a column's {@code DEFAULT} into the Connect schema, and Kafka Connect's {@link
 * Struct#get(Field)} returns that default for a field whose value is null. The Apache Iceberg sink
 * (1.12) and its {@code KafkaMetadataTransform} read fields that way, so without this transform an
 * explicit NULL in the source arrives in the Iceberg table as the column's default
 * (apache/iceberg#17652). Placed after Debezium's {@code ExtractNewRecordState} (which copies with
 * {@link Struct#getWithoutDefault(String)}) and before anything that reads with {@code get}, it
 * makes those reads return the real value.
 *
 * <p>Records without a schema, tombstones and schemas without defaults pass through unchanged (the
 * same objects). The key is left alone: key columns are never null. No configuration.
 */
public final class DropSchemaDefaults<R extends ConnectRecord<R>> implements Transformation<R> {

  private final Cache<Schema, Schema> stripped = new SynchronizedCache<>(new LRUCache<>(64));

  @Override
  public R apply(R record) {
    Schema schema = record.valueSchema();
    if (schema == null || record.value() == null) {
      return record;
    }
    Schema target = stripped.get(schema);
    if (target == null) {
      target = withoutDefaults(schema);
      stripped.put(schema, target);
    }
    if (target == schema) {
      return record;
    }
    return record.newRecord(
        record.topic(),
        record.kafkaPartition(),
        record.keySchema(),
        record.key(),
        target,
        copy(record.value(), target),
        record.timestamp(),
        record.headers());
  }

  /** {@code schema} itself when neither it nor anything inside it has a default. */
  static Schema withoutDefaults(Schema schema) {
    SchemaBuilder builder;
    boolean changed = schema.defaultValue() != null;
    switch (schema.type()) {
      case STRUCT -> {
        builder = SchemaBuilder.struct();
        for (Field field : schema.fields()) {
          Schema fieldSchema = withoutDefaults(field.schema());
          changed |= fieldSchema != field.schema();
          builder.field(field.name(), fieldSchema);
        }
      }
      case ARRAY -> {
        Schema element = withoutDefaults(schema.valueSchema());
        changed |= element != schema.valueSchema();
        builder = SchemaBuilder.array(element);
      }
      case MAP -> {
        Schema key = withoutDefaults(schema.keySchema());
        Schema value = withoutDefaults(schema.valueSchema());
        changed |= key != schema.keySchema() || value != schema.valueSchema();
        builder = SchemaBuilder.map(key, value);
      }
      default -> builder = new SchemaBuilder(schema.type());
    }
    if (!changed) {
      return schema;
    }
    builder.name(schema.name()).version(schema.version()).doc(schema.doc());
    if (schema.parameters() != null) {
      builder.parameters(schema.parameters());
    }
    if (schema.isOptional()) {
      builder.optional();
    }
    return builder.build();
  }

  /** {@code value} (of a schema {@link #withoutDefaults} changed to {@code to}) in {@code to}. */
  private static Object copy(Object value, Schema to) {
    if (value == null) {
      return null;
    }
    return switch (to.type()) {
      case STRUCT -> {
        Struct from = (Struct) value;
        if (from.schema() == to) {
          yield from;
        }
        Struct out = new Struct(to);
        for (Field field : to.fields()) {
          out.put(field, copy(from.getWithoutDefault(field.name()), field.schema()));
        }
        yield out;
      }
      case ARRAY -> {
        List<Object> out = new ArrayList<>();
        for (Object element : (List<?>) value) {
          out.add(copy(element, to.valueSchema()));
        }
        yield out;
      }
      case MAP -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) value)
            .forEach((k, v) -> out.put(copy(k, to.keySchema()), copy(v, to.valueSchema())));
        yield out;
      }
      default -> value;
    };
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef();
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
