package dev.zdp.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A data platform the ecosystem runs. v1 knows one type, {@code zero}: Kafka, Kafka Connect
 * (Debezium in, Iceberg out) and MERGE jobs into corpus tables.
 *
 * @param freshness how stale a corpus table may be when neither its dataset nor a dataset group
 *     consuming it declares a freshness objective
 */
public record Platform(
    String name,
    String type,
    String description,
    KafkaSettings kafka,
    ConnectSettings connect,
    IcebergSettings iceberg,
    Optional<ReconcileSettings> reconcile,
    Duration freshness) {

  public static final String ZERO = "zero";

  /** The freshness objective when the platform declares none: a day. */
  public static final Duration DEFAULT_FRESHNESS = Duration.ofDays(1);

  public Platform {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(iceberg, "iceberg");
    Objects.requireNonNull(reconcile, "reconcile");
    Objects.requireNonNull(freshness, "freshness");
  }

  /** A platform with the default freshness objective. */
  public Platform(
      String name,
      String type,
      String description,
      KafkaSettings kafka,
      ConnectSettings connect,
      IcebergSettings iceberg,
      Optional<ReconcileSettings> reconcile) {
    this(name, type, description, kafka, connect, iceberg, reconcile, DEFAULT_FRESHNESS);
  }

  /** A platform without a generated reconcile DAG. */
  public Platform(
      String name,
      String type,
      String description,
      KafkaSettings kafka,
      ConnectSettings connect,
      IcebergSettings iceberg) {
    this(name, type, description, kafka, connect, iceberg, Optional.empty());
  }

  /**
   * The generated Airflow DAG that runs {@code zdp reconcile} for this platform on a schedule.
   *
   * @param intervalMinutes how often it runs
   */
  public record ReconcileSettings(int intervalMinutes) {
    /** The interval when the model gives none: an hour. */
    public static final int DEFAULT_INTERVAL_MINUTES = 60;
  }

  /**
   * The Kafka cluster topics live on.
   *
   * @param tls whether clients connect with TLS (rendered explicitly: the Terraform provider's
   *     default is true)
   * @param credential the name of a SASL credential, when the cluster needs one
   */
  public record KafkaSettings(
      String bootstrapServers,
      int partitions,
      int replicationFactor,
      boolean tls,
      Optional<String> credential) {
    public KafkaSettings {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      Objects.requireNonNull(credential, "credential");
    }
  }

  /**
   * The Kafka Connect cluster the connectors run on.
   *
   * @param heartbeatIntervalMs how often each source connector sends a heartbeat, so a quiet
   *     database's replication slot still advances ({@code heartbeat.interval.ms})
   * @param heartbeatActionQuery SQL each heartbeat runs in the source database, for tables idle
   *     while others on the same server write ({@code heartbeat.action.query}); none by default
   * @param configProvider how connector configs reference credentials: through Terraform variables
   *     ({@code config_sensitive}) when absent, or through a Connect config provider
   */
  public record ConnectSettings(
      String url,
      Optional<String> credential,
      long heartbeatIntervalMs,
      Optional<String> heartbeatActionQuery,
      Optional<ConfigProvider> configProvider) {

    /** The heartbeat interval when the model gives none: 10 seconds. */
    public static final long DEFAULT_HEARTBEAT_INTERVAL_MS = 10_000L;

    public ConnectSettings {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(credential, "credential");
      Objects.requireNonNull(heartbeatActionQuery, "heartbeatActionQuery");
      Objects.requireNonNull(configProvider, "configProvider");
    }

    /** Default heartbeat, no action query, credentials through Terraform variables. */
    public ConnectSettings(String url, Optional<String> credential) {
      this(url, credential, DEFAULT_HEARTBEAT_INTERVAL_MS, Optional.empty(), Optional.empty());
    }
  }

  /**
   * A Kafka Connect config provider the workers are configured with, through which connector
   * configs reference credentials ({@code ${file:<path>:<key>}} or {@code ${env:<NAME>}}) so no
   * secret value enters Terraform.
   *
   * @param type {@code file} (Kafka's {@code FileConfigProvider}) or {@code env} ({@code
   *     EnvVarConfigProvider})
   * @param path the properties file on every worker, for {@code file}
   */
  public record ConfigProvider(String type, Optional<String> path) {
    public static final String FILE = "file";
    public static final String ENV = "env";

    public ConfigProvider {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(path, "path");
    }
  }

  /** Where staging and corpus tables are kept. */
  public record IcebergSettings(
      CatalogSettings catalog,
      String warehouse,
      Optional<S3Settings> s3,
      String stagingNamespace,
      String corpusNamespace,
      long commitIntervalMs) {
    public IcebergSettings {
      Objects.requireNonNull(catalog, "catalog");
      Objects.requireNonNull(warehouse, "warehouse");
      Objects.requireNonNull(s3, "s3");
      Objects.requireNonNull(stagingNamespace, "stagingNamespace");
      Objects.requireNonNull(corpusNamespace, "corpusNamespace");
    }
  }

  /**
   * The Iceberg catalog.
   *
   * @param type {@code rest}, {@code jdbc}, {@code hadoop} or {@code glue}
   * @param uri the catalog's endpoint (REST URL or JDBC URL); not used by {@code hadoop}/{@code
   *     glue}
   */
  public record CatalogSettings(String type, Optional<String> uri, Optional<String> credential) {
    public CatalogSettings {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(credential, "credential");
    }
  }

  /** The S3-compatible object store the warehouse lives in. */
  public record S3Settings(
      Optional<String> endpoint,
      boolean pathStyleAccess,
      String region,
      Optional<String> credential) {
    public S3Settings {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(credential, "credential");
    }
  }
}
