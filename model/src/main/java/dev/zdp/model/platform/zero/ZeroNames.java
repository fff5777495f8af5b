package dev.zdp.model.platform.zero;

import dev.zdp.model.ColumnType;
import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Platform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the Zero platform names, and how it maps the model's column types: the one place both
 * the generator and the validator's platform rules read, so a name checked in a pull request is the
 * name that gets generated. Every method is a pure function of the model.
 */
public final class ZeroNames {

  private ZeroNames() {}

  /** Kafka topic names: {@code [a-zA-Z0-9._-]}, at most 249 characters. */
  public static final int TOPIC_MAX_LENGTH = 249;

  /** PostgreSQL identifiers (replication slots, publications): at most 63 bytes. */
  public static final int POSTGRES_NAME_MAX_LENGTH = 63;

  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");
  private static final Pattern POSTGRES_NAME = Pattern.compile("[a-z0-9_]+");
  private static final Pattern TERRAFORM_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_-]*");
  private static final int HASH_LENGTH = 8;

  /** Staging columns the Debezium unwrap SMT adds: the operation ({@code c,u,d,r}). */
  public static final String STAGING_OP = "__op";

  /** Staging column: the source database's commit time of the change, in ms. */
  public static final String STAGING_SOURCE_TS = "__source_ts_ms";

  /** Staging column: the Kafka offset of the change (set by Iceberg's KafkaMetadataTransform). */
  public static final String STAGING_OFFSET = "__kafka_offset";

  /** Staging column: the Kafka topic of the change, what the sink routes tables by. */
  public static final String STAGING_TOPIC = "__kafka_topic";

  /** Staging column: the Kafka partition of the change. */
  public static final String STAGING_PARTITION = "__kafka_partition";

  /** Staging column: the Kafka record timestamp of the change (Connect's producer send time). */
  public static final String STAGING_KAFKA_TS = "__kafka_timestamp";

  /** The prefix of the Kafka metadata fields the sink adds. */
  public static final String KAFKA_METADATA_PREFIX = "__kafka";

  /** Corpus columns the MERGE jobs keep: the change that wrote the row. */
  public static final String CORPUS_SOURCE_TS = "_zdp_source_ts_ms";

  public static final String CORPUS_OFFSET = "_zdp_kafka_offset";

  /**
   * Corpus columns of the live and forensic MERGE: the Kafka position of the change that wrote the
   * row or version (topic, partition, record timestamp), which orders changes the way Debezium
   * emitted them. NULL on rows written before zdp kept them.
   */
  public static final String CORPUS_TOPIC = "_zdp_kafka_topic";

  public static final String CORPUS_PARTITION = "_zdp_kafka_partition";

  public static final String CORPUS_KAFKA_TS = "_zdp_kafka_timestamp";

  /**
   * The corpus table property a MERGE job sets to the commit time (epoch milliseconds) of the
   * newest staging snapshot it folded: its watermark, which {@code zdp status} reads over the
   * catalog's REST API to tell how far behind staging the corpus is.
   */
  public static final String MERGED_STAGING_PROPERTY = "zdp.merged-staging-snapshot-ms";

  /** Forensic corpus columns: when a version came in and when it was superseded (source ms). */
  public static final String BATCH_IN = "batch_in";

  public static final String BATCH_OUT = "batch_out";

  /** {@code batch_out} of the current version of a key. */
  public static final long OPEN_BATCH = Long.MAX_VALUE;

  // ---------------------------------------------------------------- Kafka

  /** Debezium's {@code topic.prefix} for a datastore: {@code <platform>.<datastore>}. */
  public static String topicPrefix(Platform platform, Datastore datastore) {
    return platform.name() + "." + datastore.name();
  }

  /**
   * The topic Debezium writes a table's changes to: {@code
   * <platform>.<datastore>.<schema>.<table>}.
   */
  public static String topic(Platform platform, Datastore datastore, Dataset dataset) {
    return topicPrefix(platform, datastore)
        + "."
        + dataset.tableSchema()
        + "."
        + dataset.tableName();
  }

  /** Why a topic name is not one Kafka accepts, or empty when it is fine. */
  public static Optional<String> topicProblem(String topic) {
    if (!TOPIC.matcher(topic).matches()) {
      return Optional.of(
          "topic '" + topic + "' has characters Kafka does not allow (only a-z A-Z 0-9 . _ -)");
    }
    if (topic.length() > TOPIC_MAX_LENGTH) {
      return Optional.of(
          "topic '"
              + topic
              + "' is "
              + topic.length()
              + " characters long; Kafka allows "
              + TOPIC_MAX_LENGTH);
    }
    if (topic.equals(".") || topic.equals("..")) {
      return Optional.of("topic '" + topic + "' is not a valid name");
    }
    return Optional.empty();
  }

  /**
   * The topic the Iceberg sink of a datastore coordinates commits on: {@code
   * <platform>.<datastore>.iceberg-control} (it cannot clash with a table's three-part topic).
   */
  public static String controlTopic(Platform platform, Datastore datastore) {
    return topicPrefix(platform, datastore) + ".iceberg-control";
  }

  // ---------------------------------------------------------------- Signals

  /** The schema of a datastore's Debezium signal table. */
  public static final String SIGNAL_SCHEMA = "public";

  /** The name of a datastore's Debezium signal table, in {@link #SIGNAL_SCHEMA}. */
  public static final String SIGNAL_TABLE = "zdp_signal";

  /**
   * Debezium's {@code signal.data.collection} of every source connector: {@code public.zdp_signal}
   * in the datastore's database. The deploy inserts {@code execute-snapshot} signals into it and
   * Debezium writes an incremental snapshot's watermarks there.
   */
  public static String signalTable() {
    return SIGNAL_SCHEMA + "." + SIGNAL_TABLE;
  }

  /**
   * The statement that creates a datastore's signal table, as docs/generator.md tells a platform to
   * run it (the sandbox does): Debezium's {@code id}, {@code type} and {@code data} columns, the id
   * long enough for a signal's ({@code zdp-} and 24 hex digits) and Debezium's watermarks (UUIDs).
   */
  public static final String SIGNAL_TABLE_DDL =
      "CREATE TABLE IF NOT EXISTS "
          + SIGNAL_SCHEMA
          + "."
          + SIGNAL_TABLE
          + " (id VARCHAR(42) PRIMARY KEY, type VARCHAR(32) NOT NULL, data VARCHAR(2048))";

  /**
   * Whether {@code topic} is named as Zero names the topics of {@code platform}: a datastore's
   * ({@code <platform>.<datastore>...}) or its heartbeats ({@code
   * __debezium-heartbeat.<platform>.<datastore>}).
   */
  public static boolean isTopicOf(Platform platform, String topic) {
    return topic.startsWith(platform.name() + ".")
        || topic.startsWith(HEARTBEAT_TOPIC_PREFIX + "." + platform.name() + ".");
  }

  /** The topic Debezium writes the signal table's own changes to (read by nobody). */
  public static String signalTopic(Platform platform, Datastore datastore) {
    return topicPrefix(platform, datastore) + "." + signalTable();
  }

  /** The Terraform resource name of a datastore's signal topic. */
  public static String signalTopicResource(Datastore datastore) {
    return terraformName(datastore.name() + "__zdp_signal_topic");
  }

  /** The prefix of Debezium's heartbeat topics, set explicitly on every source connector. */
  public static final String HEARTBEAT_TOPIC_PREFIX = "__debezium-heartbeat";

  /**
   * The topic a datastore's source connector sends heartbeats to, as Debezium names it: {@code
   * __debezium-heartbeat.<topic prefix>}.
   */
  public static String heartbeatTopic(Platform platform, Datastore datastore) {
    return HEARTBEAT_TOPIC_PREFIX + "." + topicPrefix(platform, datastore);
  }

  // ---------------------------------------------------------------- Connect

  /** The Debezium source connector capturing a datastore. */
  public static String sourceConnector(Platform platform, Datastore datastore) {
    return platform.name() + "-" + datastore.name() + "-source";
  }

  /** The Iceberg sink connector writing a datastore's topics to staging tables. */
  public static String sinkConnector(Platform platform, Datastore datastore) {
    return platform.name() + "-" + datastore.name() + "-sink";
  }

  /**
   * Whether {@code connector} is named as Zero names the connectors of {@code platform} ({@code
   * <platform>-<datastore>-source} or {@code -sink}): one zdp generates or once generated.
   */
  public static boolean isConnectorOf(Platform platform, String connector) {
    return connector.startsWith(platform.name() + "-")
        && (connector.endsWith("-source") || connector.endsWith("-sink"))
        && connector.length() > platform.name().length() + "-x-sink".length() - 1;
  }

  // ---------------------------------------------------------------- PostgreSQL

  /**
   * The replication slot: the capture's {@code slotName}, or {@code zdp_<platform>_<datastore>}.
   */
  public static String slotName(Platform platform, Datastore datastore) {
    return datastore
        .capture()
        .slotName()
        .orElseGet(() -> postgresName("zdp_" + platform.name() + "_" + datastore.name()));
  }

  /**
   * The publication: the capture's {@code publicationName}, or {@code
   * zdp_<platform>_<datastore>_pub}.
   */
  public static String publicationName(Platform platform, Datastore datastore) {
    return datastore
        .capture()
        .publicationName()
        .orElseGet(() -> postgresName("zdp_" + platform.name() + "_" + datastore.name() + "_pub"));
  }

  /**
   * A name PostgreSQL accepts for a slot or publication: lower case, anything outside {@code
   * [a-z0-9_]} replaced by {@code _}, and when longer than 63 characters cut and ended with {@code
   * _} and 8 hex digits of the SHA-256 of the full name, so different long names stay different.
   */
  public static String postgresName(String wanted) {
    String cleaned = wanted.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (cleaned.length() <= POSTGRES_NAME_MAX_LENGTH) {
      return cleaned;
    }
    String hash = shortHash(wanted);
    return cleaned.substring(0, POSTGRES_NAME_MAX_LENGTH - HASH_LENGTH - 1) + "_" + hash;
  }

  /** Why a slot or publication name is not valid for PostgreSQL, or empty when it is. */
  public static Optional<String> postgresNameProblem(String name) {
    if (!POSTGRES_NAME.matcher(name).matches()) {
      return Optional.of("'" + name + "' may only hold lower-case letters, digits and underscores");
    }
    if (name.length() > POSTGRES_NAME_MAX_LENGTH) {
      return Optional.of(
          "'"
              + name
              + "' is "
              + name.length()
              + " characters long; PostgreSQL allows "
              + POSTGRES_NAME_MAX_LENGTH);
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- Iceberg

  /** A table in a namespace of the platform's Iceberg catalog. */
  public record TableName(String namespace, String name) {
    public TableName {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
    }

    /** {@code namespace.name}, as the sink's {@code iceberg.tables} lists it. */
    public String qualified() {
      return namespace + "." + name;
    }

    @Override
    public String toString() {
      return qualified();
    }
  }

  /** The append-only change log of a dataset: {@code <stagingNamespace>.<datastore>__<dataset>}. */
  public static TableName stagingTable(Platform platform, Datastore datastore, Dataset dataset) {
    return new TableName(
        platform.iceberg().stagingNamespace(), datastore.name() + "__" + dataset.name());
  }

  /** The latest row per key: {@code <corpusNamespace>.<datastore>__<dataset>}. */
  public static TableName liveTable(Platform platform, Datastore datastore, Dataset dataset) {
    return new TableName(
        platform.iceberg().corpusNamespace(), datastore.name() + "__" + dataset.name());
  }

  /** Every version of every key: {@code <corpusNamespace>.<datastore>__<dataset>__history}. */
  public static TableName forensicTable(Platform platform, Datastore datastore, Dataset dataset) {
    return new TableName(
        platform.iceberg().corpusNamespace(),
        datastore.name() + "__" + dataset.name() + "__history");
  }

  /** Where MERGE jobs remember how far into staging they got: one row per job. */
  public static TableName watermarkTable(Platform platform) {
    return new TableName(platform.iceberg().corpusNamespace(), "_zdp_merge_watermarks");
  }

  /**
   * A MERGE job's name, also its watermark key: {@code
   * <platform>.<datastore>.<dataset>.<live|forensic>}.
   */
  public static String mergeJob(
      Platform platform, Datastore datastore, Dataset dataset, String milestoning) {
    return platform.name() + "." + datastore.name() + "." + dataset.name() + "." + milestoning;
  }

  // ---------------------------------------------------------------- Terraform

  /** The two sensitive Terraform variables that carry one credential. */
  public record CredentialVariables(String user, String password) {}

  /** {@code <credential>_user} and {@code <credential>_password}, in {@code [a-z0-9_]}. */
  public static CredentialVariables credentialVariables(String credential) {
    String base = credential.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
      base = "c_" + base;
    }
    return new CredentialVariables(base + "_user", base + "_password");
  }

  /** The Terraform resource name of a dataset's topic: {@code <datastore>__<dataset>}. */
  public static String topicResource(Datastore datastore, Dataset dataset) {
    return terraformName(datastore.name() + "__" + dataset.name());
  }

  /** The Terraform resource name of a datastore's sink control topic. */
  public static String controlTopicResource(Datastore datastore) {
    return terraformName(datastore.name() + "__iceberg_control");
  }

  /** The Terraform resource name of a datastore's heartbeat topic. */
  public static String heartbeatTopicResource(Datastore datastore) {
    return terraformName(datastore.name() + "__debezium_heartbeat");
  }

  /** The Terraform resource name of a datastore's source connector. */
  public static String sourceResource(Datastore datastore) {
    return terraformName(datastore.name() + "_source");
  }

  /** The Terraform resource name of a datastore's sink connector. */
  public static String sinkResource(Datastore datastore) {
    return terraformName(datastore.name() + "_sink");
  }

  private static String terraformName(String wanted) {
    if (TERRAFORM_NAME.matcher(wanted).matches()) {
      return wanted;
    }
    String cleaned = wanted.replaceAll("[^a-zA-Z0-9_-]", "_");
    if (!Character.isLetter(cleaned.charAt(0)) && cleaned.charAt(0) != '_') {
      cleaned = "_" + cleaned;
    }
    return cleaned + "_" + shortHash(wanted);
  }

  // ---------------------------------------------------------------- types

  /**
   * How a logical column type lands in Iceberg and in Spark SQL, or why it cannot.
   *
   * @param iceberg the Iceberg type, as Iceberg's docs spell it ({@code int}, {@code
   *     decimal(12,2)}, {@code string}); empty when Iceberg has no type for it
   * @param spark the Spark SQL type the MERGE jobs declare corpus columns with; empty when the type
   *     cannot be carried
   * @param problem why the type cannot be carried, when it cannot
   */
  public record MappedType(String iceberg, String spark, Optional<String> problem) {
    public boolean mappable() {
      return problem.isEmpty();
    }

    static MappedType of(String iceberg, String spark) {
      return new MappedType(iceberg, spark, Optional.empty());
    }

    static MappedType unmappable(String iceberg, String why) {
      return new MappedType(iceberg, "", Optional.of(why));
    }
  }

  /** The largest decimal precision Iceberg stores. */
  public static final int ICEBERG_MAX_PRECISION = 38;

  /** The Iceberg and Spark SQL types of a column type on Zero. */
  public static MappedType mapType(ColumnType type) {
    return switch (type.base()) {
      case BOOLEAN -> MappedType.of("boolean", "BOOLEAN");
      case SMALLINT, INTEGER -> MappedType.of("int", "INT");
      case BIGINT -> MappedType.of("long", "BIGINT");
      case REAL -> MappedType.of("float", "FLOAT");
      case DOUBLE -> MappedType.of("double", "DOUBLE");
      case DECIMAL ->
          type.size() <= ICEBERG_MAX_PRECISION
              ? MappedType.of(
                  "decimal(" + type.size() + "," + type.scale() + ")",
                  "DECIMAL(" + type.size() + "," + type.scale() + ")")
              : MappedType.unmappable(
                  "",
                  "Iceberg keeps decimals of at most "
                      + ICEBERG_MAX_PRECISION
                      + " digits; "
                      + type
                      + " does not fit (use decimal(38,"
                      + Math.min(type.scale(), ICEBERG_MAX_PRECISION)
                      + ") or text)");
      case CHAR, VARCHAR, TEXT, JSON, UUID -> MappedType.of("string", "STRING");
      case DATE -> MappedType.of("date", "DATE");
      case TIME ->
          MappedType.unmappable(
              "time",
              "Spark SQL has no time-of-day type, so MERGE jobs cannot carry a 'time' column"
                  + " (store it as text, or as a timestamp)");
      case TIMESTAMP -> MappedType.of("timestamp", "TIMESTAMP_NTZ");
      case TIMESTAMPTZ -> MappedType.of("timestamptz", "TIMESTAMP");
      case BYTEA -> MappedType.of("binary", "BINARY");
    };
  }

  /**
   * True when Iceberg can change an existing column of a Zero table from {@code from} to {@code to}
   * in place: both map to the same Iceberg type ({@code smallint} and {@code integer} are both
   * {@code int}; {@code char}, {@code varchar} and {@code text} are all {@code string}), or Iceberg
   * promotes one to the other: {@code int → long}, {@code float → double}, or a decimal's precision
   * widened at the same scale. Anything else (an integer to a decimal, a decimal's scale) needs a
   * new column. This is Iceberg's rule only; which changes keep consumers' values readable at all
   * is the change rules' {@code TypeWidening}.
   */
  public static boolean icebergPromotes(ColumnType from, ColumnType to) {
    String a = mapType(from).iceberg();
    String b = mapType(to).iceberg();
    if (a.isEmpty() || b.isEmpty()) {
      return from.equals(to);
    }
    if (a.equals(b)) {
      return true;
    }
    if (a.equals("int") && b.equals("long") || a.equals("float") && b.equals("double")) {
      return true;
    }
    return from.base() == ColumnType.Base.DECIMAL
        && to.base() == ColumnType.Base.DECIMAL
        && from.scale() == to.scale()
        && to.size() >= from.size();
  }

  /**
   * True for a column type whose corpus and staging columns the MERGE jobs' schema evolution widens
   * in place ({@code ALTER COLUMN ... TYPE}) on every run: {@code bigint}, {@code double} and
   * {@code decimal}, the types Iceberg promotes an existing column to ({@link #icebergPromotes}).
   */
  public static boolean promotable(ColumnType type) {
    return switch (type.base()) {
      case BIGINT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  /**
   * True when the Zero deploy can take an existing column from {@code from} to {@code to} with the
   * pipelines running: Iceberg promotes it in place ({@link #icebergPromotes}), or the type is
   * narrowed to one Iceberg would promote back and the tables keep the wider type ({@code bigint →
   * integer}, {@code double → real}, {@code varchar(n)} shorter): the MERGE writes the narrower
   * values into the wider column. A narrowed {@code decimal} is not one: its schema evolution would
   * ask Iceberg to narrow the column ({@link #promotable}), which Iceberg refuses. Anything else
   * (an integer to a decimal or to text, a decimal's scale, {@code date → timestamp}) the staging
   * and corpus tables cannot hold without being rebuilt.
   */
  public static boolean appliesInPlace(ColumnType from, ColumnType to) {
    return icebergPromotes(from, to) || icebergPromotes(to, from) && !promotable(to);
  }

  // ---------------------------------------------------------------- helpers

  /** 8 hex digits of the SHA-256 of {@code text}: stable across runs and machines. */
  public static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
