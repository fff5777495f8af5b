package dev.zdp.generator;

import static dev.zdp.generator.TestModels.acme;
import static dev.zdp.generator.TestModels.column;
import static dev.zdp.generator.TestModels.dataset;
import static dev.zdp.generator.TestModels.datastore;
import static dev.zdp.generator.TestModels.ecosystem;
import static dev.zdp.generator.TestModels.group;
import static dev.zdp.generator.TestModels.key;
import static dev.zdp.generator.TestModels.model;
import static dev.zdp.generator.TestModels.shuffled;
import static dev.zdp.generator.TestModels.sink;
import static dev.zdp.generator.TestModels.workspace;
import static dev.zdp.generator.TestModels.zero;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zdp.generator.template.TemplateException;
import dev.zdp.generator.zero.TerraformReader;
import dev.zdp.model.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {

  private static final Generator GENERATOR = new Generator();

  static String text(SortedMap<String, byte[]> artifacts, String path) {
    assertThat(artifacts).containsKey(path);
    return new String(artifacts.get(path), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> resource(
      SortedMap<String, byte[]> artifacts, String file, String type, String name) {
    Map<String, Object> parsed = TerraformReader.parse(file, artifacts.get(file));
    Map<String, Object> resources = (Map<String, Object>) parsed.get("resource");
    return (Map<String, Object>) ((Map<String, Object>) resources.get(type)).get(name);
  }

  @Test
  void mergeJobsBringTheirTablesToTheModelsColumnsFirstInOneScript() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());
    String live = text(artifacts, "zero/merge/crm/orders.sql");
    String script = live.substring(live.indexOf("\nBEGIN\n") + 1);
    assertThat(script)
        .startsWith(
            "BEGIN\nDECLARE `_zdp_staged_ms` BIGINT;\nDECLARE `_zdp_watermark` STRING;\n"
                + "SET `_zdp_staged_ms` = (SELECT MAX(unix_millis(`committed_at`))"
                + " FROM `staging`.`crm__orders`.`snapshots`);\nCREATE TABLE IF NOT EXISTS")
        // the watermark: the corpus table's property, set last, once the MERGE is through
        .endsWith(
            "IF `_zdp_staged_ms` IS NOT NULL THEN\n"
                + "  SET `_zdp_watermark` = 'ALTER TABLE ' || '`corpus`.`crm__orders`'"
                + " || ' SET TBLPROPERTIES (' || '\\'zdp.merged-staging-snapshot-ms\\''"
                + " || ' = ''' || CAST(`_zdp_staged_ms` AS STRING) || ''')';\n"
                + "  EXECUTE IMMEDIATE `_zdp_watermark`;\nEND IF;\nEND;\n");
    assertThat(live.substring(0, live.indexOf("\nBEGIN\n")).lines())
        .allMatch(line -> line.isEmpty() || line.startsWith("--"));
    // every non-key column added to staging and corpus when missing; a key never
    for (String table : List.of("`staging`.`crm__orders`", "`corpus`.`crm__orders`")) {
      assertThat(script)
          .contains(
              "BEGIN DECLARE EXIT HANDLER FOR FIELD_ALREADY_EXISTS BEGIN END;\n"
                  + "  ALTER TABLE "
                  + table
                  + " ADD COLUMN `amount` DECIMAL(12,2);")
          .contains("ALTER TABLE " + table + " ADD COLUMN `placed_on` DATE;")
          .contains("ALTER TABLE " + table + " ALTER COLUMN `customer_id` TYPE BIGINT;")
          .contains("ALTER TABLE " + table + " ALTER COLUMN `amount` TYPE DECIMAL(12,2);")
          .doesNotContain("ALTER TABLE " + table + " ADD COLUMN `id`")
          .doesNotContain("ALTER TABLE " + table + " ALTER COLUMN `placed_on` TYPE");
    }
    assertThat(script)
        .contains("ALTER TABLE `corpus`.`crm__orders` ALTER COLUMN `amount` DROP NOT NULL;")
        .doesNotContain("ALTER TABLE `staging`.`crm__orders` ALTER COLUMN `amount` DROP NOT NULL")
        .doesNotContain("ALTER COLUMN `id` DROP NOT NULL");
    // the evolution comes before the MERGE it prepares for
    assertThat(script.indexOf("ADD COLUMN")).isLessThan(script.indexOf("\nMERGE INTO"));
    // a column added to the corpus is filled in from staging, in the same block
    assertThat(script)
        .contains("ADD COLUMN `amount` DECIMAL(12,2);\n  MERGE INTO `corpus`.`crm__orders` AS t\n");
    String forensic = text(artifacts, "zero/merge/billing/invoices.forensic.sql");
    assertThat(forensic)
        .contains("ALTER TABLE `corpus`.`billing__invoices__history` ADD COLUMN `total`")
        .contains("t.`batch_in` = s.`__source_ts_ms`");
  }

  @Test
  void writesTheFilesOfEachIngestedDatastore() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());

    assertThat(artifacts.keySet())
        .containsExactly(
            "zero/billing.tf",
            "zero/crm.tf",
            "zero/dags/zdp_zero_merge.py",
            "zero/merge/billing/invoices.forensic.sql",
            "zero/merge/billing/invoices.sql",
            "zero/merge/crm/customers.forensic.sql",
            "zero/merge/crm/customers.sql",
            "zero/merge/crm/orders.sql",
            "zero/staging/billing.sql",
            "zero/staging/crm.sql",
            "zero/variables.tf",
            "zero/versions.tf");
  }

  @Test
  void sameModelInAnyOrderGivesTheSameBytes() {
    SortedMap<String, byte[]> expected = GENERATOR.render(acme(), Optional.empty());
    for (long seed = 1; seed <= 10; seed++) {
      SortedMap<String, byte[]> artifacts =
          GENERATOR.render(acme(shuffled(seed)), Optional.empty());
      assertThat(artifacts.keySet()).isEqualTo(expected.keySet());
      for (String path : expected.keySet()) {
        assertThat(artifacts.get(path))
            .as(path + " with seed " + seed)
            .isEqualTo(expected.get(path));
      }
    }
  }

  @Test
  void everyTerraformFileParsesAndEndsWithOneNewline() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());
    artifacts.forEach(
        (path, bytes) -> {
          String text = new String(bytes, StandardCharsets.UTF_8);
          assertThat(text).as(path).endsWith("\n").doesNotEndWith("\n\n");
          assertThat(text).as(path).doesNotContain(" \n").doesNotContain("\t");
          if (path.endsWith(".tf")) {
            assertThat(TerraformReader.parse(path, bytes)).as(path).isNotEmpty();
          }
        });
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSourceConnectorCarriesTheDebeziumKeys() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());
    Map<String, Object> source =
        resource(artifacts, "zero/crm.tf", "kafka-connect_connector", "crm_source");
    Map<String, Object> config = (Map<String, Object>) source.get("config");

    assertThat(source.get("name")).isEqualTo("zero-crm-source");
    assertThat(config)
        .containsEntry("name", "zero-crm-source")
        .containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector")
        .containsEntry("plugin.name", "pgoutput")
        .containsEntry("publication.autocreate.mode", "filtered")
        .containsEntry(
            "table.include.list", "public\\.customers,public\\.orders,public\\.zdp_signal")
        .containsEntry("snapshot.mode", "initial")
        .containsEntry("signal.enabled.channels", "source")
        .containsEntry("signal.data.collection", "public.zdp_signal")
        .containsEntry("slot.name", "zdp_zero_crm")
        .containsEntry("publication.name", "zdp_zero_crm_pub")
        .containsEntry("topic.prefix", "zero.crm")
        .containsEntry("time.precision.mode", "connect")
        .containsEntry("decimal.handling.mode", "precise")
        .containsEntry("database.hostname", "crm-db.internal")
        .doesNotContainKeys("database.password", "database.user");
    assertThat((Map<String, Object>) source.get("config_sensitive"))
        .containsOnlyKeys("database.user", "database.password");
    assertThat(text(artifacts, "zero/crm.tf"))
        .contains("\"database.password\" = var.crm_db_password");
    Map<String, Object> signalTopic =
        resource(artifacts, "zero/crm.tf", "kafka_topic", "crm__zdp_signal_topic");
    assertThat(signalTopic.get("name")).isEqualTo("zero.crm.public.zdp_signal");
    Map<String, Object> sink =
        resource(artifacts, "zero/crm.tf", "kafka-connect_connector", "crm_sink");
    assertThat(((Map<String, Object>) sink.get("config")).get("topics").toString())
        .as("no sink reads the signal table's changes")
        .doesNotContain("zdp_signal");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSinkWritesToTheCatalogTheMergeJobsRead() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());
    Map<String, Object> sink =
        resource(artifacts, "zero/crm.tf", "kafka-connect_connector", "crm_sink");
    String catalog = (String) ((Map<String, Object>) sink.get("config")).get("iceberg.catalog");

    // a JDBC catalog keys tables by the client's catalog name: the sink's default ("iceberg")
    // would write tables the MERGE jobs' catalog never sees
    assertThat(catalog).isNotBlank().isNotEqualTo("iceberg");
    assertThat(text(artifacts, "zero/dags/zdp_zero_merge.py"))
        .contains("\"spark.sql.defaultCatalog\": \"" + catalog + "\"")
        .contains(
            "\"spark.sql.catalog." + catalog + "\": \"org.apache.iceberg.spark.SparkCatalog\"");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSinkConnectorRoutesEachTopicToItsStagingTable() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());
    Map<String, Object> sink =
        resource(artifacts, "zero/crm.tf", "kafka-connect_connector", "crm_sink");
    Map<String, Object> config = (Map<String, Object>) sink.get("config");

    assertThat(config)
        .containsEntry("name", "zero-crm-sink")
        .containsEntry("connector.class", "org.apache.iceberg.connect.IcebergSinkConnector")
        .containsEntry("topics", "zero.crm.public.customers,zero.crm.public.orders")
        .containsEntry("iceberg.tables", "staging.crm__customers,staging.crm__orders")
        .containsEntry("iceberg.tables.route-field", "__kafka_topic")
        .containsEntry(
            "iceberg.table.staging.crm__customers.route-regex", "zero\\.crm\\.public\\.customers")
        .containsEntry("iceberg.control.commit.interval-ms", "60000")
        .containsEntry("iceberg.catalog", "zdp")
        .containsEntry("iceberg.catalog.type", "rest")
        .containsEntry("iceberg.catalog.s3.path-style-access", "true")
        .containsEntry("transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState")
        .containsEntry("transforms.unwrap.delete.tombstone.handling.mode", "rewrite")
        .containsEntry("transforms.unwrap.add.fields", "op,source.ts_ms,source.lsn")
        .containsKey("iceberg.kafka.bootstrap.servers");
    assertThat(config.get("iceberg.catalog.warehouse")).hasToString("var.iceberg_warehouse");
    assertThat((Map<String, Object>) sink.get("config_sensitive"))
        .containsOnlyKeys(
            "iceberg.catalog.s3.access-key-id", "iceberg.catalog.s3.secret-access-key");
  }

  @Test
  void topicsAndProvidersFollowThePlatform() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());

    Map<String, Object> topic = resource(artifacts, "zero/crm.tf", "kafka_topic", "crm__customers");
    assertThat(topic)
        .containsEntry("name", "zero.crm.public.customers")
        .containsEntry("partitions", 3.0);
    assertThat(text(artifacts, "zero/versions.tf"))
        .contains("tls_enabled       = false")
        .contains("source  = \"Mongey/kafka\"");
    String variables = text(artifacts, "zero/variables.tf");
    assertThat(variables)
        .contains("variable \"crm_db_password\" {")
        .contains("variable \"lake_user\" {")
        .contains("default     = \"kafka:9092\"");
    assertThat(variables.split("sensitive   = true", -1)).hasSize(7);
  }

  @Test
  void theMergeJobsRankChangesAndHandleDeletes() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());
    String live = text(artifacts, "zero/merge/crm/orders.sql");

    assertThat(live)
        .contains("MERGE INTO `corpus`.`crm__orders` AS t")
        .contains("FROM `staging`.`crm__orders` AS s")
        .contains("ORDER BY s.`__kafka_timestamp` DESC, s.`__kafka_offset` DESC")
        .contains(
            "  OR c.`__kafka_topic` = t.`_zdp_kafka_topic`"
                + " AND c.`__kafka_partition` = t.`_zdp_kafka_partition`\n"
                + "    AND c.`__kafka_offset` > t.`_zdp_kafka_offset`\n")
        .contains("ALTER TABLE `corpus`.`crm__orders` ADD COLUMN `_zdp_kafka_timestamp` BIGINT;")
        .contains("WHEN MATCHED AND c.`__op` = 'd' AND (")
        .contains("THEN DELETE")
        .contains("WHEN NOT MATCHED AND c.`__op` <> 'd' THEN INSERT")
        .contains("`amount` DECIMAL(12,2),")
        .contains("`id` BIGINT NOT NULL,");
    String forensic = text(artifacts, "zero/merge/crm/customers.forensic.sql");
    assertThat(forensic)
        .contains("MERGE INTO `corpus`.`crm__customers__history` AS t")
        .contains("`batch_in` BIGINT NOT NULL")
        .contains("ORDER BY s.`__kafka_timestamp` DESC, s.`__kafka_offset` DESC")
        .contains(
            "GREATEST(l.`__source_ts_ms`, cur.`batch_in`, p.`_zdp_closed_at`) AS `_zdp_batch`")
        .contains("WHEN MATCHED THEN UPDATE SET t.`batch_out` = c.`_zdp_batch`")
        .contains(
            "ALTER TABLE `corpus`.`crm__customers__history` ADD COLUMN `_zdp_kafka_topic` STRING;");
    assertThat(text(artifacts, "zero/dags/zdp_zero_merge.py"))
        .contains("(\"crm__customers__forensic\", \"crm/customers.forensic.sql\"),")
        .contains("dag_id=\"zdp_zero_merge\"");
  }

  @Test
  void stagingTablesAreCreatedWithTheModelsTypesBeforeAnyMergeJob() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());
    String crm = text(artifacts, "zero/staging/crm.sql");

    assertThat(crm)
        .contains("CREATE NAMESPACE IF NOT EXISTS `staging`;")
        .contains("CREATE TABLE IF NOT EXISTS `staging`.`crm__orders` (")
        .contains("CREATE TABLE IF NOT EXISTS `staging`.`crm__customers` (")
        .contains("  `amount` DECIMAL(12,2),\n")
        .contains("  `id` BIGINT,\n")
        .contains(
            "  `__deleted` STRING,\n  `__op` STRING,\n  `__source_ts_ms` BIGINT,\n"
                + "  `__source_lsn` BIGINT,\n  `__kafka_topic` STRING,\n"
                + "  `__kafka_partition` INT,\n  `__kafka_offset` BIGINT,\n"
                + "  `__kafka_timestamp` BIGINT\n) USING iceberg;")
        .doesNotContain("NOT NULL");
    assertThat(text(artifacts, "zero/staging/billing.sql"))
        .contains("`staging`.`billing__invoices`")
        .doesNotContain("crm__");
    assertThat(text(artifacts, "zero/dags/zdp_zero_merge.py"))
        .contains("STAGING_FILES = [\n    \"billing.sql\",\n    \"crm.sql\",\n]\n")
        .contains(
            "UntemplatedBashOperator(task_id=\"staging_tables\", bash_command=staging_tables())")
        .contains(
            "merge = UntemplatedBashOperator(task_id=task_id, bash_command=merge_job(path))\n"
                + "        staging >> merge\n");
  }

  @Test
  void shardingSplitsDatastoresIntoRootModules() {
    SortedMap<String, byte[]> artifacts =
        new Generator(Optional.of(1)).render(acme(), Optional.empty());

    assertThat(artifacts.keySet())
        .contains(
            "zero/shard-001/billing.tf",
            "zero/shard-001/versions.tf",
            "zero/shard-001/variables.tf",
            "zero/shard-002/crm.tf",
            "zero/shard-002/versions.tf",
            "zero/merge/crm/orders.sql")
        .doesNotContain("zero/crm.tf", "zero/versions.tf");
    assertThat(text(artifacts, "zero/shard-001/variables.tf"))
        .contains("billing_db_password")
        .doesNotContain("crm_db_password");
    assertThatThrownBy(() -> new Generator(Optional.of(0))).hasMessageContaining("--shard-size");
  }

  @Test
  void aUserTemplateOverridesTheBuiltInOne(@TempDir Path templates) throws IOException {
    Files.createDirectories(templates.resolve("zero"));
    Files.writeString(
        templates.resolve("zero/versions.tf.j2"),
        "terraform {\nrequired_version = \">= 1.9\"\n}\n# {{ module.path }}\n");

    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.of(templates));

    assertThat(text(artifacts, "zero/versions.tf"))
        .isEqualTo("terraform {\n  required_version = \">= 1.9\"\n}\n# zero\n");
    assertThat(text(artifacts, "zero/crm.tf")).contains("kafka-connect_connector");
  }

  @Test
  void aUserTemplateCanUseNamesAlreadyQuotedForSql(@TempDir Path templates) throws IOException {
    Files.createDirectories(templates.resolve("zero"));
    Files.writeString(
        templates.resolve("zero/merge_live.sql.j2"),
        """
        {% for column in job.columns %}{{ column.name_sql }} {% endfor %}
        {% for key in job.keys_sql %}{{ key }}{% endfor %} {{ naming.staging_op_sql }}
        """);
    Files.writeString(
        templates.resolve("zero/staging.sql.j2"),
        "{% for t in datastore.staging %}{% for c in t.columns %}{{ c.name_sql }} {% endfor %}\n"
            + "{% endfor %}");
    Model model =
        model(
            ecosystem(zero()),
            List.of(
                datastore("odd", dataset("things", key("id"), column("we`ird", "text"))),
                workspace("w", group("g", "zero", sink("odd", "things")))));

    SortedMap<String, byte[]> artifacts = GENERATOR.render(model, Optional.of(templates));

    assertThat(text(artifacts, "zero/merge/odd/things.sql"))
        .isEqualTo("`id` `we``ird`\n`id` `__op`\n");
    assertThat(text(artifacts, "zero/staging/odd.sql")).isEqualTo("`id` `we``ird`\n");
  }

  @Test
  void aBrokenUserTemplateNamesItsFileAndLine(@TempDir Path templates) throws IOException {
    Files.createDirectories(templates.resolve("zero"));
    Files.writeString(
        templates.resolve("zero/datastore.tf.j2"),
        "# {{ datastore.name }}\n{% for d in datastore.datasets %}\n{% if d.partitions %}x{% endif %}\n{% endfor %}\n");

    assertThatThrownBy(() -> GENERATOR.render(acme(), Optional.of(templates)))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template zero/datastore.tf.j2 line 3: unknown field 'partitions'");
  }

  @Test
  void aColumnTypeThePlatformCannotCarryIsRefusedWithTheReason() {
    Model model =
        model(
            ecosystem(zero()),
            List.of(
                datastore("crm", dataset("events", key("id"), column("at", "time"))),
                workspace("w", group("g", "zero", sink("crm", "events")))));

    assertThatThrownBy(() -> GENERATOR.render(model, Optional.empty()))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("'crm.events'")
        .hasMessageContaining("column 'at' has type time");
  }

  @Test
  void aPlatformWithNothingToIngestStillHasItsRootModule() {
    Model model = model(ecosystem(zero()), List.of());

    assertThat(GENERATOR.render(model, Optional.empty()).keySet())
        .containsExactly("zero/dags/zdp_zero_merge.py", "zero/variables.tf", "zero/versions.tf");
  }
}
