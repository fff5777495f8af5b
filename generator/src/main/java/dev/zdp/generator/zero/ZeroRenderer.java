package dev.zdp.generator.zero;

import dev.zdp.generator.GenerationException;
import dev.zdp.generator.PendingArtifact;
import dev.zdp.generator.template.Filters;
import dev.zdp.generator.template.HclFormatter;
import dev.zdp.generator.template.StrictMap;
import dev.zdp.model.Column;
import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroLayout;
import dev.zdp.model.platform.zero.ZeroNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Renders one Zero platform's artifacts: per Terraform root module {@code versions.tf}, {@code
 * variables.tf} and one {@code <datastore>.tf} per ingested datastore; per dataset a live MERGE job
 * (and a forensic one where a consumer asks for it) under {@code merge/}; per ingested datastore
 * its staging tables' DDL under {@code staging/}; one Airflow DAG under {@code dags/}, and a second
 * one running {@code zdp reconcile} when the platform asks for it. Paths are relative to the output
 * directory and start with the platform's name.
 */
public final class ZeroRenderer {

  /**
   * The Iceberg catalog's name in every generated client: the sink's {@code iceberg.catalog} and
   * the MERGE jobs' Spark catalog. A JDBC catalog keys its tables by this name, so the sink and the
   * jobs must agree on it to see the same tables.
   */
  public static final String CATALOG_NAME = "zdp";

  /** The templates a Zero platform is rendered with, as a user's directory overrides them. */
  public static final List<String> TEMPLATES =
      List.of(
          "zero/versions.tf.j2",
          "zero/variables.tf.j2",
          "zero/datastore.tf.j2",
          "zero/merge_live.sql.j2",
          "zero/merge_forensic.sql.j2",
          StagingTables.TEMPLATE,
          "zero/dag.py.j2",
          "zero/reconcile_dag.py.j2");

  /** How far back a MERGE job re-reads staging below its watermark, for late changes. */
  static final long LOOKBACK_MS = 3_600_000L;

  /** How often the DAG runs the MERGE jobs. */
  static final int SCHEDULE_MINUTES = 15;

  private ZeroRenderer() {}

  /**
   * Lists a platform's artifacts, each with how to render it, without rendering any: what the model
   * cannot render (an unmappable column type, a dataset without a key, two artifacts on one path)
   * fails here, before a single file is rendered or written.
   *
   * @param shardSize when present, Terraform is split into root modules {@code
   *     <platform>/shard-001/...} of at most this many datastores each
   * @param rendered which datastores' own files ({@code <datastore>.tf}, their MERGE jobs) to list,
   *     given the root module's directory and the datastore; a root module's shared files and the
   *     DAG are always listed, and always cover every datastore
   */
  public static List<PendingArtifact> artifacts(
      PlatformIntentions intentions,
      Optional<Integer> shardSize,
      BiPredicate<String, IngestedDatastore> rendered) {
    Platform platform = intentions.platform();
    CarriedValues.check(intentions);
    Shared shared = new Shared(platformContext(platform), naming());
    List<PendingArtifact> artifacts = new ArrayList<>();
    Set<String> renderedStores = new HashSet<>();
    for (Module module : modules(intentions, shardSize)) {
      for (IngestedDatastore store : module.datastores()) {
        if (rendered.test(module.dir(), store)) {
          renderedStores.add(store.name());
        }
      }
      listModule(platform, shared, module, renderedStores, artifacts);
    }
    for (IngestedDatastore store : intentions.datastores()) {
      for (IngestedDataset dataset : store.datasets()) {
        listMergeJobs(
            platform, shared, store, dataset, renderedStores.contains(store.name()), artifacts);
      }
    }
    List<String> stagingFiles = new ArrayList<>();
    for (IngestedDatastore store : intentions.datastores()) {
      stagingFiles.add(StagingTables.fileName(store));
      if (renderedStores.contains(store.name())) {
        artifacts.add(
            new PendingArtifact(
                StagingTables.path(platform, store),
                StagingTables.TEMPLATE,
                () -> {
                  StrictMap context = shared.context();
                  context.put("datastore", StagingTables.context(platform, store));
                  return context;
                },
                ZeroRenderer::text));
      }
    }
    // The DAG's list of jobs (three strings for each) is built when the DAG is rendered, not held
    // through the whole render: at 50,000 datastores it is a million strings.
    Supplier<StrictMap> dag =
        () -> {
          StrictMap context = shared.context();
          context.put("staging_files", stagingFiles);
          context.put("jobs", dagJobs(intentions));
          context.put("dag_id", "zdp_" + platform.name() + "_merge");
          context.put("schedule_minutes", SCHEDULE_MINUTES);
          context.put("spark_conf", sparkConf(platform));
          context.put("spark_conf_from_env", sparkConfFromEnv(platform));
          return context;
        };
    // First: the DAG grows with the model and is one render, which the other threads overlap.
    artifacts.add(
        0,
        new PendingArtifact(
            platform.name() + "/dags/zdp_" + platform.name() + "_merge.py",
            "zero/dag.py.j2",
            dag,
            ZeroRenderer::text));
    platform
        .reconcile()
        .ifPresent(
            reconcile -> {
              StrictMap context = shared.context();
              context.put("dag_id", "zdp_" + platform.name() + "_reconcile");
              context.put("interval_minutes", reconcile.intervalMinutes());
              context.put("shard_size", shardSize.map(String::valueOf).orElse(""));
              artifacts.add(
                  new PendingArtifact(
                      platform.name() + "/dags/zdp_" + platform.name() + "_reconcile.py",
                      "zero/reconcile_dag.py.j2",
                      () -> context,
                      ZeroRenderer::text));
            });
    return artifacts;
  }

  /** A Terraform root module: its directory and datastores. */
  public record Module(String dir, List<IngestedDatastore> datastores) {}

  /** The Terraform root modules a platform is split into, in order. */
  public static List<Module> modules(PlatformIntentions intentions, Optional<Integer> shardSize) {
    String platform = intentions.platform().name();
    List<IngestedDatastore> all = intentions.datastores();
    if (shardSize.isEmpty()) {
      return List.of(new Module(platform, all));
    }
    List<Module> modules = new ArrayList<>();
    for (int from = 0; from < all.size(); from += shardSize.get()) {
      modules.add(
          new Module(
              platform + "/" + String.format("shard-%03d", modules.size() + 1),
              all.subList(from, Math.min(all.size(), from + shardSize.get()))));
    }
    return modules;
  }

  /**
   * What every template of a platform is handed, built once per platform: {@code platform} and
   * {@code naming}.
   */
  private record Shared(StrictMap platform, StrictMap naming) {
    StrictMap context() {
      StrictMap context = new StrictMap(Map.of());
      context.put("platform", platform);
      context.put("naming", naming);
      return context;
    }
  }

  private static void listModule(
      Platform platform,
      Shared shared,
      Module module,
      Set<String> renderedStores,
      List<PendingArtifact> out) {
    String dir = module.dir();
    List<IngestedDatastore> stores = module.datastores();
    StrictMap moduleContext = StrictMap.of("path", dir, "datastores", names(stores));
    StrictMap versions = shared.context();
    versions.put("module", moduleContext);
    out.add(
        new PendingArtifact(
            dir + "/versions.tf", "zero/versions.tf.j2", () -> versions, ZeroRenderer::hcl));
    StrictMap variables = shared.context();
    variables.put("module", moduleContext);
    variables.put("credentials", credentials(platform, stores));
    out.add(
        new PendingArtifact(
            dir + "/variables.tf", "zero/variables.tf.j2", () -> variables, ZeroRenderer::hcl));
    for (IngestedDatastore store : stores) {
      if (!renderedStores.contains(store.name())) {
        continue;
      }
      out.add(
          new PendingArtifact(
              dir + "/" + store.name() + ".tf",
              "zero/datastore.tf.j2",
              () -> {
                StrictMap context = shared.context();
                context.put("datastore", datastoreContext(platform, store));
                return context;
              },
              ZeroRenderer::hcl));
    }
  }

  private static List<String> names(List<IngestedDatastore> stores) {
    return stores.stream().map(IngestedDatastore::name).toList();
  }

  /**
   * The naming constants, each also quoted as a Spark SQL identifier under its name with {@code
   * _sql} appended ({@code staging_op_sql} is {@code staging_op|sql_ident}): the MERGE templates
   * use them dozens of times a file, and a value is cheaper to render than a filter call.
   */
  private static StrictMap naming() {
    StrictMap naming = plainNaming();
    for (Map.Entry<String, Object> constant : List.copyOf(naming.entrySet())) {
      naming.put(constant.getKey() + "_sql", Filters.sqlIdent(constant.getValue()));
    }
    return naming;
  }

  private static StrictMap plainNaming() {
    return StrictMap.of(
        "staging_op", ZeroNames.STAGING_OP,
        "staging_source_ts", ZeroNames.STAGING_SOURCE_TS,
        "staging_offset", ZeroNames.STAGING_OFFSET,
        "staging_topic", ZeroNames.STAGING_TOPIC,
        "staging_partition", ZeroNames.STAGING_PARTITION,
        "staging_kafka_ts", ZeroNames.STAGING_KAFKA_TS,
        "kafka_metadata_prefix", ZeroNames.KAFKA_METADATA_PREFIX,
        "corpus_source_ts", ZeroNames.CORPUS_SOURCE_TS,
        "corpus_offset", ZeroNames.CORPUS_OFFSET,
        "corpus_topic", ZeroNames.CORPUS_TOPIC,
        "corpus_partition", ZeroNames.CORPUS_PARTITION,
        "corpus_kafka_ts", ZeroNames.CORPUS_KAFKA_TS,
        "batch_in", ZeroNames.BATCH_IN,
        "batch_out", ZeroNames.BATCH_OUT,
        "merged_staging_property", ZeroNames.MERGED_STAGING_PROPERTY,
        "catalog_name", CATALOG_NAME);
  }

  static StrictMap credential(String name, String purpose) {
    ZeroNames.CredentialVariables vars = ZeroNames.credentialVariables(name);
    return StrictMap.of(
        "name", name, "purpose", purpose, "user_var", vars.user(), "password_var", vars.password());
  }

  private static StrictMap platformContext(Platform platform) {
    Platform.KafkaSettings kafka = platform.kafka();
    Platform.IcebergSettings iceberg = platform.iceberg();
    Optional<Platform.ConfigProvider> secrets = platform.connect().configProvider();
    StrictMap s3 = null;
    List<StrictMap> sensitive = new ArrayList<>();
    if (iceberg.s3().isPresent()) {
      Platform.S3Settings settings = iceberg.s3().get();
      s3 =
          StrictMap.of(
              "endpoint", settings.endpoint().orElse(null),
              "path_style_access", String.valueOf(settings.pathStyleAccess()),
              "region", settings.region(),
              "credential",
                  settings.credential().map(c -> credential(c, "object store")).orElse(null));
      settings
          .credential()
          .ifPresent(
              c -> {
                ZeroNames.CredentialVariables vars = ZeroNames.credentialVariables(c);
                sensitive.add(
                    entry(
                        "iceberg.catalog.s3.access-key-id",
                        "var." + vars.user(),
                        reference(secrets, vars.user())));
                sensitive.add(
                    entry(
                        "iceberg.catalog.s3.secret-access-key",
                        "var." + vars.password(),
                        reference(secrets, vars.password())));
              });
    }
    iceberg
        .catalog()
        .credential()
        .ifPresent(
            c -> {
              ZeroNames.CredentialVariables vars = ZeroNames.credentialVariables(c);
              if ("jdbc".equals(iceberg.catalog().type())) {
                sensitive.add(
                    entry(
                        "iceberg.catalog.jdbc.user",
                        "var." + vars.user(),
                        reference(secrets, vars.user())));
                sensitive.add(
                    entry(
                        "iceberg.catalog.jdbc.password",
                        "var." + vars.password(),
                        reference(secrets, vars.password())));
              } else {
                sensitive.add(
                    entry(
                        "iceberg.catalog.credential",
                        "\"${var." + vars.user() + "}:${var." + vars.password() + "}\"",
                        secrets.isEmpty()
                            ? null
                            : reference(secrets, vars.user())
                                + ":"
                                + reference(secrets, vars.password())));
              }
            });
    kafka
        .credential()
        .ifPresent(
            c -> {
              ZeroNames.CredentialVariables vars = ZeroNames.credentialVariables(c);
              sensitive.add(
                  entry(
                      "iceberg.kafka.sasl.jaas.config",
                      "\"org.apache.kafka.common.security.plain.PlainLoginModule required"
                          + " username=\\\"${var."
                          + vars.user()
                          + "}\\\" password=\\\"${var."
                          + vars.password()
                          + "}\\\";\"",
                      secrets.isEmpty()
                          ? null
                          : "org.apache.kafka.common.security.plain.PlainLoginModule required"
                              + " username=\""
                              + reference(secrets, vars.user())
                              + "\" password=\""
                              + reference(secrets, vars.password())
                              + "\";"));
            });
    sensitive.sort((a, b) -> ((String) a.get("key")).compareTo((String) b.get("key")));
    return StrictMap.of(
        "name", platform.name(),
        "type", platform.type(),
        "kafka",
            StrictMap.of(
                "bootstrap_servers", kafka.bootstrapServers(),
                "partitions", kafka.partitions(),
                "replication_factor", kafka.replicationFactor(),
                "tls", kafka.tls(),
                "security_protocol", securityProtocol(kafka),
                "credential", kafka.credential().map(c -> credential(c, "Kafka")).orElse(null)),
        "connect",
            StrictMap.of(
                "url", platform.connect().url(),
                "credential",
                    platform
                        .connect()
                        .credential()
                        .map(c -> credential(c, "Kafka Connect"))
                        .orElse(null),
                "heartbeat_interval_ms", String.valueOf(platform.connect().heartbeatIntervalMs()),
                "heartbeat_topic_prefix", ZeroNames.HEARTBEAT_TOPIC_PREFIX,
                "heartbeat_action_query", platform.connect().heartbeatActionQuery().orElse(null),
                "config_provider",
                    secrets
                        .map(p -> StrictMap.of("type", p.type(), "path", p.path().orElse(null)))
                        .orElse(null)),
        "iceberg",
            StrictMap.of(
                "catalog_type", iceberg.catalog().type(),
                "catalog_uri", iceberg.catalog().uri().orElse(null),
                "catalog_credential",
                    iceberg.catalog().credential().map(c -> credential(c, "catalog")).orElse(null),
                "warehouse", iceberg.warehouse(),
                "s3", s3,
                "staging_namespace", iceberg.stagingNamespace(),
                "corpus_namespace", iceberg.corpusNamespace(),
                "commit_interval_ms", String.valueOf(iceberg.commitIntervalMs()),
                "sensitive", sensitive));
  }

  /** The Kafka client protocol the sink's own clients need, or null for plain text. */
  private static String securityProtocol(Platform.KafkaSettings kafka) {
    if (kafka.credential().isPresent()) {
      return kafka.tls() ? "SASL_SSL" : "SASL_PLAINTEXT";
    }
    return kafka.tls() ? "SSL" : null;
  }

  /**
   * A secret config entry: its Terraform expression (for {@code config_sensitive}) and, when the
   * platform references secrets through a Connect config provider, the reference text.
   */
  private static StrictMap entry(String key, String expression, String reference) {
    return StrictMap.of("key", key, "expression", expression, "reference", reference);
  }

  /**
   * A Kafka Connect config-provider reference to a credential's user or password: {@code
   * ${file:<path>:<variable>}} or {@code ${env:<VARIABLE>}}; null when secrets go through
   * Terraform.
   */
  static String reference(Optional<Platform.ConfigProvider> secrets, String variable) {
    if (secrets.isEmpty()) {
      return null;
    }
    Platform.ConfigProvider provider = secrets.get();
    return Platform.ConfigProvider.FILE.equals(provider.type())
        ? "${file:" + provider.path().orElseThrow() + ":" + variable + "}"
        : "${env:" + variable.toUpperCase(java.util.Locale.ROOT) + "}";
  }

  /** Every credential a root module needs, each once, sorted by variable name. */
  private static List<StrictMap> credentials(Platform platform, List<IngestedDatastore> stores) {
    TreeMap<String, StrictMap> byVariable = new TreeMap<>();
    platform.kafka().credential().ifPresent(c -> add(byVariable, credential(c, "Kafka")));
    platform.connect().credential().ifPresent(c -> add(byVariable, credential(c, "Kafka Connect")));
    if (platform.connect().configProvider().isPresent()) {
      // connector configs reference the others through the Connect workers' config provider
      return List.copyOf(byVariable.values());
    }
    platform
        .iceberg()
        .catalog()
        .credential()
        .ifPresent(c -> add(byVariable, credential(c, "Iceberg catalog")));
    platform
        .iceberg()
        .s3()
        .flatMap(Platform.S3Settings::credential)
        .ifPresent(c -> add(byVariable, credential(c, "object store")));
    for (IngestedDatastore store : stores) {
      add(
          byVariable,
          credential(store.datastore().capture().credential(), "datastore " + store.name()));
    }
    return List.copyOf(byVariable.values());
  }

  private static void add(TreeMap<String, StrictMap> byVariable, StrictMap credential) {
    byVariable.putIfAbsent((String) credential.get("user_var"), credential);
  }

  private static StrictMap datastoreContext(Platform platform, IngestedDatastore store) {
    Datastore datastore = store.datastore();
    List<StrictMap> datasets = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    List<String> stagingTables = new ArrayList<>();
    List<String> includes = new ArrayList<>();
    for (IngestedDataset ingested : store.datasets()) {
      Dataset dataset = ingested.dataset();
      String topic = ZeroNames.topic(platform, datastore, dataset);
      String staging = ZeroNames.stagingTable(platform, datastore, dataset).qualified();
      topics.add(topic);
      stagingTables.add(staging);
      includes.add(regexLiteral(dataset.tableSchema() + "." + dataset.tableName()));
      datasets.add(
          StrictMap.of(
              "name", dataset.name(),
              "table", dataset.table(),
              "topic", topic,
              "topic_regex", regexLiteral(topic),
              "topic_resource", ZeroNames.topicResource(datastore, dataset),
              "staging_table", staging,
              "workspaces", List.copyOf(ingested.workspaces())));
    }
    ZeroNames.CredentialVariables vars =
        ZeroNames.credentialVariables(datastore.capture().credential());
    Optional<Platform.ConfigProvider> secrets = platform.connect().configProvider();
    return StrictMap.of(
        "name", datastore.name(),
        "host", datastore.capture().host(),
        "user_ref", reference(secrets, vars.user()),
        "password_ref", reference(secrets, vars.password()),
        "heartbeat_topic", ZeroNames.heartbeatTopic(platform, datastore),
        "heartbeat_topic_resource", ZeroNames.heartbeatTopicResource(datastore),
        "port", String.valueOf(datastore.capture().port()),
        "database", datastore.capture().database(),
        "credential", credential(datastore.capture().credential(), "datastore " + datastore.name()),
        "topic_prefix", ZeroNames.topicPrefix(platform, datastore),
        "slot", ZeroNames.slotName(platform, datastore),
        "publication", ZeroNames.publicationName(platform, datastore),
        "source_connector", ZeroNames.sourceConnector(platform, datastore),
        "sink_connector", ZeroNames.sinkConnector(platform, datastore),
        "source_resource", ZeroNames.sourceResource(datastore),
        "sink_resource", ZeroNames.sinkResource(datastore),
        "control_topic", ZeroNames.controlTopic(platform, datastore),
        "control_topic_resource", ZeroNames.controlTopicResource(datastore),
        "table_include_list",
            String.join(",", includes) + "," + regexLiteral(ZeroNames.signalTable()),
        "signal_table", ZeroNames.signalTable(),
        "signal_topic", ZeroNames.signalTopic(platform, datastore),
        "signal_topic_resource", ZeroNames.signalTopicResource(datastore),
        "topics", topics,
        "staging_tables", stagingTables,
        "datasets", datasets,
        "workspaces", List.copyOf(store.workspaces()));
  }

  /**
   * The column's type on Zero, or a {@link GenerationException} saying that {@code artifact} of the
   * dataset cannot be generated because the type has none.
   */
  static ZeroNames.MappedType mappedType(
      String artifact, Datastore datastore, Dataset dataset, Column column) {
    ZeroNames.MappedType type = ZeroNames.mapType(column.type());
    if (!type.mappable()) {
      throw new GenerationException(
          "Cannot generate "
              + artifact
              + " of dataset '"
              + datastore.name()
              + "."
              + dataset.name()
              + "': column '"
              + column.name()
              + "' has type "
              + column.type()
              + ": "
              + type.problem().orElseThrow());
    }
    return type;
  }

  private static void listMergeJobs(
      Platform platform,
      Shared shared,
      IngestedDatastore store,
      IngestedDataset ingested,
      boolean rendered,
      List<PendingArtifact> out) {
    Datastore datastore = store.datastore();
    Dataset dataset = ingested.dataset();
    for (Column column : dataset.columns()) {
      mappedType("the MERGE job", datastore, dataset, column);
    }
    if (dataset.primaryKey().isEmpty()) {
      throw new GenerationException(
          "Cannot generate the MERGE job of dataset '"
              + datastore.name()
              + "."
              + dataset.name()
              + "': it has no primary key (mark its key columns primaryKey: true)");
    }
    listJob(
        platform,
        shared,
        ingested,
        datastore,
        "live",
        platform.name() + "/" + ZeroLayout.mergeJob(datastore.name(), dataset.name(), false),
        "zero/merge_live.sql.j2",
        rendered,
        out);
    if (ingested.forensic()) {
      listJob(
          platform,
          shared,
          ingested,
          datastore,
          "forensic",
          platform.name() + "/" + ZeroLayout.mergeJob(datastore.name(), dataset.name(), true),
          "zero/merge_forensic.sql.j2",
          rendered,
          out);
    }
  }

  private static void listJob(
      Platform platform,
      Shared shared,
      IngestedDataset ingested,
      Datastore datastore,
      String milestoning,
      String path,
      String template,
      boolean rendered,
      List<PendingArtifact> out) {
    if (rendered) {
      String name = ZeroNames.mergeJob(platform, datastore, ingested.dataset(), milestoning);
      out.add(
          new PendingArtifact(
              path,
              template,
              () -> {
                StrictMap context = shared.context();
                context.put("job", jobContext(platform, datastore, ingested, milestoning, name));
                return context;
              },
              ZeroRenderer::text));
    }
  }

  /**
   * The DAG's {@code jobs}: every MERGE job of the platform, whether its file is rendered or not,
   * in the order of the datastores and their datasets, each dataset's live job before its forensic
   * one.
   */
  private static List<StrictMap> dagJobs(PlatformIntentions intentions) {
    Platform platform = intentions.platform();
    List<StrictMap> jobs = new ArrayList<>();
    for (IngestedDatastore store : intentions.datastores()) {
      for (IngestedDataset ingested : store.datasets()) {
        jobs.add(dagJob(platform, store.datastore(), ingested.dataset(), false));
        if (ingested.forensic()) {
          jobs.add(dagJob(platform, store.datastore(), ingested.dataset(), true));
        }
      }
    }
    return jobs;
  }

  /** One of the DAG's {@code jobs}: its name, task id and path below the MERGE directory. */
  private static StrictMap dagJob(
      Platform platform, Datastore datastore, Dataset dataset, boolean forensic) {
    String milestoning = forensic ? "forensic" : "live";
    String path =
        platform.name() + "/" + ZeroLayout.mergeJob(datastore.name(), dataset.name(), forensic);
    return StrictMap.of(
        "name",
        ZeroNames.mergeJob(platform, datastore, dataset, milestoning),
        "task_id",
        datastore.name() + "__" + dataset.name() + "__" + milestoning,
        "path",
        path.substring((platform.name() + "/" + ZeroLayout.MERGE + "/").length()));
  }

  /** A MERGE job's {@code job}: built when the job is rendered, not held for every job at once. */
  private static StrictMap jobContext(
      Platform platform,
      Datastore datastore,
      IngestedDataset ingested,
      String milestoning,
      String name) {
    Dataset dataset = ingested.dataset();
    List<StrictMap> columns = new ArrayList<>();
    for (Column column : dataset.columns()) {
      columns.add(
          StrictMap.of(
              "name",
              column.name(),
              "name_sql",
              Filters.sqlIdent(column.name()),
              "type",
              ZeroNames.mapType(column.type()).spark(),
              "nullable",
              column.nullable() && !column.primaryKey(),
              "key",
              column.primaryKey(),
              // a type Iceberg may have promoted an existing column to (int -> bigint,
              // float -> double, a decimal's precision): the job's schema evolution widens it
              "promotable",
              ZeroNames.promotable(column.type())));
    }
    List<String> keys = dataset.primaryKey().stream().map(Column::name).toList();
    List<String> keysSql = keys.stream().map(Filters::sqlIdent).toList();
    ZeroNames.TableName target =
        milestoning.equals("live")
            ? ZeroNames.liveTable(platform, datastore, dataset)
            : ZeroNames.forensicTable(platform, datastore, dataset);
    return StrictMap.of(
        "name",
        name,
        "milestoning",
        milestoning,
        "source_table",
        datastore.name() + "." + dataset.name(),
        "staging",
        sqlTable(ZeroNames.stagingTable(platform, datastore, dataset)),
        "target",
        sqlTable(target),
        "watermarks",
        sqlTable(ZeroNames.watermarkTable(platform)),
        "columns",
        columns,
        "keys",
        keys,
        "keys_sql",
        keysSql,
        "lookback_ms",
        LOOKBACK_MS,
        "open_batch",
        ZeroNames.OPEN_BATCH,
        "workspaces",
        List.copyOf(ingested.workspaces()));
  }

  /**
   * The environment variables the DAG reads endpoints from, named after the Terraform variables
   * that move the sinks ({@code iceberg_catalog_uri} and so on), so one environment's values move
   * both.
   */
  static final Map<String, String> DAG_ENDPOINT_ENV =
      Map.of(
          "spark.sql.catalog." + CATALOG_NAME + ".uri", "ZDP_ICEBERG_CATALOG_URI",
          "spark.sql.catalog." + CATALOG_NAME + ".warehouse", "ZDP_ICEBERG_WAREHOUSE",
          "spark.sql.catalog." + CATALOG_NAME + ".s3.endpoint", "ZDP_S3_ENDPOINT");

  /**
   * The catalog credential's Spark settings as shell words the shell completes from the worker's
   * environment when a job runs ({@code ZDP_CATALOG_USER}, {@code ZDP_CATALOG_PASSWORD}), failing
   * with a message when one is unset: the secret is never in the DAG nor in the command Airflow
   * shows. A REST catalog takes them as OAuth2 client credentials ({@code credential}), a JDBC
   * catalog as its database login.
   */
  private static List<String> sparkConfFromEnv(Platform platform) {
    Platform.CatalogSettings catalog = platform.iceberg().catalog();
    if (catalog.credential().isEmpty()) {
      return List.of();
    }
    String prefix = "spark.sql.catalog." + CATALOG_NAME;
    String user = "${ZDP_CATALOG_USER:?set ZDP_CATALOG_USER to the catalog user}";
    String password = "${ZDP_CATALOG_PASSWORD:?set ZDP_CATALOG_PASSWORD to the catalog password}";
    if ("jdbc".equals(catalog.type())) {
      return List.of(
          "\"" + prefix + ".jdbc.user=" + user + "\"",
          "\"" + prefix + ".jdbc.password=" + password + "\"");
    }
    return List.of("\"" + prefix + ".credential=" + user + ":" + password + "\"");
  }

  private static List<StrictMap> sparkConf(Platform platform) {
    Platform.IcebergSettings iceberg = platform.iceberg();
    String prefix = "spark.sql.catalog." + CATALOG_NAME;
    TreeMap<String, String> conf = new TreeMap<>();
    conf.put(
        "spark.sql.extensions",
        "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
    conf.put("spark.sql.defaultCatalog", CATALOG_NAME);
    conf.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
    conf.put(prefix + ".type", iceberg.catalog().type());
    iceberg.catalog().uri().ifPresent(uri -> conf.put(prefix + ".uri", uri));
    conf.put(prefix + ".warehouse", iceberg.warehouse());
    iceberg
        .s3()
        .ifPresent(
            s3 -> {
              conf.put(prefix + ".io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
              s3.endpoint().ifPresent(e -> conf.put(prefix + ".s3.endpoint", e));
              conf.put(prefix + ".s3.path-style-access", String.valueOf(s3.pathStyleAccess()));
              conf.put(prefix + ".client.region", s3.region());
            });
    List<StrictMap> entries = new ArrayList<>();
    conf.forEach(
        (k, v) -> entries.add(StrictMap.of("key", k, "value", v, "env", DAG_ENDPOINT_ENV.get(k))));
    return entries;
  }

  private static String sqlTable(ZeroNames.TableName table) {
    return "`"
        + table.namespace().replace("`", "``")
        + "`.`"
        + table.name().replace("`", "``")
        + "`";
  }

  /** A regular expression matching exactly {@code text}. */
  static String regexLiteral(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ("\\.[]{}()<>*+-=!?^$|".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String hcl(String rendered) {
    return HclFormatter.format(rendered);
  }

  /**
   * Trailing spaces removed, at most one blank line in a row, exactly one final newline. One pass
   * over the text, without splitting it into lines first: it runs on every rendered file.
   */
  static String text(String rendered) {
    StringBuilder out = new StringBuilder(rendered.length() + 1);
    boolean previousBlank = true;
    int start = 0;
    while (start <= rendered.length()) {
      int end = rendered.indexOf('\n', start);
      if (end < 0) {
        end = rendered.length();
      }
      int last = end;
      while (last > start && Character.isWhitespace(rendered.charAt(last - 1))) {
        last--;
      }
      boolean blank = last == start;
      if (!blank || !previousBlank) {
        out.append(rendered, start, last).append('\n');
        previousBlank = blank;
      }
      start = end + 1;
    }
    int length = out.length();
    while (length > 0 && out.charAt(length - 1) == '\n') {
      length--;
    }
    if (length == 0) {
      return "";
    }
    out.setLength(length);
    return out.append('\n').toString();
  }
}
