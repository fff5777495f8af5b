package dev.zdp.generator;

import static dev.zdp.generator.GeneratorTest.resource;
import static dev.zdp.generator.GeneratorTest.text;
import static dev.zdp.generator.TestModels.acme;
import static dev.zdp.generator.TestModels.ecosystem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The connector settings a production platform needs: NULLs kept, heartbeats so a quiet database's
 * slot advances, and credentials either as Terraform variables or as Connect config-provider
 * references that keep every secret out of Terraform.
 */
class ProductionSettingsTest {

  private static final Generator GENERATOR = new Generator();

  /**
   * A connector's config map as Terraform sees it: string templates' {@code $${} and {@code %%{}
   * escapes undone (hcl4j keeps them), references such as {@code var.x} as their text; null when the
   * connector has no such attribute.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> config(
      SortedMap<String, byte[]> artifacts, String name, String attribute) {
    Map<String, Object> raw =
        (Map<String, Object>)
            resource(artifacts, "zero/crm.tf", "kafka-connect_connector", name).get(attribute);
    if (raw == null) {
      return null;
    }
    Map<String, String> seen = new java.util.TreeMap<>();
    raw.forEach((k, v) -> seen.put(k, String.valueOf(v).replace("$${", "${").replace("%%{", "%{")));
    return seen;
  }

  /** The acme model on a platform whose Connect settings are {@code connect}. */
  private static Model withConnect(Platform.ConnectSettings connect) {
    Platform zero = TestModels.zero();
    Platform platform =
        new Platform(
            zero.name(), zero.type(), zero.description(), zero.kafka(), connect, zero.iceberg());
    Model acme = acme();
    List<Object> objects = new ArrayList<>();
    objects.addAll(acme.datastores());
    objects.addAll(acme.workspaces());
    return TestModels.model(ecosystem(platform), objects);
  }

  @Test
  void anExplicitNullIsNotReplacedByTheColumnDefaultAnywhereOnTheWay() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());

    assertThat(config(artifacts, "crm_source", "config"))
        .containsEntry("key.converter.replace.null.with.default", "false")
        .containsEntry("value.converter.replace.null.with.default", "false");
    assertThat(config(artifacts, "crm_sink", "config"))
        .containsEntry("key.converter.replace.null.with.default", "false")
        .containsEntry("value.converter.replace.null.with.default", "false")
        .containsEntry("transforms.unwrap.replace.null.with.default", "false")
        // the sink and its KafkaMetadataTransform read a null as the schema's default
        // (apache/iceberg#17652): zdp's transform drops the defaults after unwrap, before them
        .containsEntry("transforms", "unwrap,nulls,kafka")
        .containsEntry("transforms.nulls.type", "dev.zdp.connect.transforms.DropSchemaDefaults");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everySourceSendsHeartbeatsToItsOwnTopicAtTheDefaultInterval() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());

    Map<String, String> source = config(artifacts, "crm_source", "config");
    assertThat(source)
        .containsEntry("heartbeat.interval.ms", "10000")
        .containsEntry("topic.heartbeat.prefix", "__debezium-heartbeat")
        .doesNotContainKey("heartbeat.action.query");
    Map<String, Object> topic =
        resource(artifacts, "zero/crm.tf", "kafka_topic", "crm__debezium_heartbeat");
    // Debezium sends heartbeats to <topic.heartbeat.prefix>.<topic.prefix>
    assertThat(topic.get("name"))
        .isEqualTo("__debezium-heartbeat." + source.get("topic.prefix"))
        .isEqualTo("__debezium-heartbeat.zero.crm");
    assertThat(((Number) topic.get("partitions")).intValue()).isEqualTo(1);
    assertThat((Map<String, Object>) topic.get("config"))
        .containsEntry("cleanup.policy", "compact");
    assertThat(text(artifacts, "zero/crm.tf")).contains("kafka_topic.crm__debezium_heartbeat,");
    // the sink reads only the tables' topics, never the heartbeats
    assertThat(config(artifacts, "crm_sink", "config").get("topics").toString())
        .doesNotContain("heartbeat");
  }

  @Test
  void theHeartbeatIntervalAndActionQueryComeFromThePlatformAsData() {
    String query =
        "INSERT INTO zdp_heartbeat (id, ts) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET"
            + " ts = \"excluded\".ts -- ${var.x} %{ if }";
    SortedMap<String, byte[]> artifacts =
        GENERATOR.render(
            withConnect(
                new Platform.ConnectSettings(
                    "http://connect:8083",
                    Optional.empty(),
                    30_000,
                    Optional.of(query),
                    Optional.empty())),
            Optional.empty());

    assertThat(config(artifacts, "crm_source", "config"))
        .containsEntry("heartbeat.interval.ms", "30000")
        .containsEntry("heartbeat.action.query", query);
  }

  @Test
  void withoutAConfigProviderCredentialsAreSensitiveTerraformVariables() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());

    assertThat(config(artifacts, "crm_source", "config_sensitive"))
        .containsEntry("database.user", "var.crm_db_user")
        .containsEntry("database.password", "var.crm_db_password");
    assertThat(text(artifacts, "zero/variables.tf")).contains("variable \"crm_db_password\"");
  }

  @Test
  void withTheFileConfigProviderNoSecretEntersTerraform() {
    SortedMap<String, byte[]> artifacts =
        GENERATOR.render(
            withConnect(
                new Platform.ConnectSettings(
                    "http://connect:8083",
                    Optional.empty(),
                    10_000,
                    Optional.empty(),
                    Optional.of(
                        new Platform.ConfigProvider(
                            "file", Optional.of("/etc/kafka-connect/zdp.properties"))))),
            Optional.empty());

    assertThat(config(artifacts, "crm_source", "config"))
        .containsEntry("database.user", "${file:/etc/kafka-connect/zdp.properties:crm_db_user}")
        .containsEntry(
            "database.password", "${file:/etc/kafka-connect/zdp.properties:crm_db_password}");
    assertThat(config(artifacts, "crm_source", "config_sensitive")).isNull();
    assertThat(config(artifacts, "crm_sink", "config"))
        .containsEntry(
            "iceberg.catalog.s3.access-key-id",
            "${file:/etc/kafka-connect/zdp.properties:lake_user}")
        .containsEntry(
            "iceberg.catalog.s3.secret-access-key",
            "${file:/etc/kafka-connect/zdp.properties:lake_password}");
    assertThat(config(artifacts, "crm_sink", "config_sensitive")).isNull();
    // the reference is a literal for Terraform: "$${" in HCL, never an interpolation
    assertThat(text(artifacts, "zero/crm.tf"))
        .contains("\"$${file:/etc/kafka-connect/zdp.properties:crm_db_password}\"")
        .doesNotContain("var.crm_db")
        .doesNotContain("var.lake");
    // no credential variable is left for Terraform to ask for
    assertThat(text(artifacts, "zero/variables.tf"))
        .doesNotContain("crm_db_")
        .doesNotContain("lake_")
        .doesNotContain("sensitive");
  }

  @Test
  void withTheEnvConfigProviderEachCredentialIsAWorkerEnvironmentVariable() {
    Platform zero = TestModels.zero();
    Platform platform =
        new Platform(
            zero.name(),
            zero.type(),
            zero.description(),
            new Platform.KafkaSettings("kafka:9092", 3, 1, true, Optional.of("kafka_zdp")),
            new Platform.ConnectSettings(
                "http://connect:8083",
                Optional.of("connect_admin"),
                10_000,
                Optional.empty(),
                Optional.of(new Platform.ConfigProvider("env", Optional.empty()))),
            new Platform.IcebergSettings(
                new Platform.CatalogSettings(
                    "rest", Optional.of("http://iceberg-rest:8181"), Optional.of("catalog_zdp")),
                zero.iceberg().warehouse(),
                zero.iceberg().s3(),
                "staging",
                "corpus",
                60_000));
    Model acme = acme();
    List<Object> objects = new ArrayList<>();
    objects.addAll(acme.datastores());
    objects.addAll(acme.workspaces());
    SortedMap<String, byte[]> artifacts =
        GENERATOR.render(TestModels.model(ecosystem(platform), objects), Optional.empty());

    assertThat(config(artifacts, "crm_source", "config"))
        .containsEntry("database.password", "${env:CRM_DB_PASSWORD}");
    assertThat(config(artifacts, "crm_sink", "config"))
        .containsEntry(
            "iceberg.catalog.credential", "${env:CATALOG_ZDP_USER}:${env:CATALOG_ZDP_PASSWORD}")
        .containsEntry(
            "iceberg.kafka.sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"${env:KAFKA_ZDP_USER}\" password=\"${env:KAFKA_ZDP_PASSWORD}\";");
    // the providers themselves still log in with Terraform variables: they are not connectors
    String variables = text(artifacts, "zero/variables.tf");
    assertThat(variables)
        .contains("variable \"kafka_zdp_password\"")
        .contains("variable \"connect_admin_password\"")
        .doesNotContain("catalog_zdp")
        .doesNotContain("crm_db");
  }

  @Test
  void theConnectProviderIsPinnedToTheReleaseThatRetriesARebalance() {
    SortedMap<String, byte[]> artifacts = GENERATOR.render(acme(), Optional.empty());

    assertThat(text(artifacts, "zero/versions.tf"))
        .contains("version = \"0.5.0\"")
        .contains("version = \"0.12.1\"");
  }
}
