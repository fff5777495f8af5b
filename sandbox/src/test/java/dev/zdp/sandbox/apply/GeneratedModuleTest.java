package dev.zdp.sandbox.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zdp.generator.ArtifactWriter;
import dev.zdp.generator.Generator;
import dev.zdp.model.Model;
import dev.zdp.sandbox.PostgresEndpoint;
import dev.zdp.sandbox.S3Endpoint;
import dev.zdp.sandbox.SandboxException;
import dev.zdp.sandbox.TopicSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated Terraform read back as the providers would send it, without a running sandbox. */
class GeneratedModuleTest {
  private static final Path ACME = Path.of("..", "examples", "acme");

  @TempDir Path out;

  private Path generate(Path model) throws Exception {
    Model loaded = Deployment.load(model);
    ArtifactWriter.write(out, new Generator().render(loaded, Optional.empty()));
    return out.resolve("zero");
  }

  private static Map<String, String> variables() {
    Map<String, String> values = new TreeMap<>();
    values.put("kafka_bootstrap_servers", "127.0.0.1:9092");
    values.put("iceberg_catalog_uri", "http://127.0.0.1:8181");
    for (String credential :
        new String[] {"crm_db", "shop_db", "fleet_db", "lake_s3", "kafka_zdp", "iceberg_catalog"}) {
      values.put(credential + "_user", credential + "-user");
      values.put(credential + "_password", credential + "-secret");
    }
    return values;
  }

  @Test
  void readsTopicsAndConnectorsWithVariablesResolvedAndSecretsMerged() throws Exception {
    GeneratedModule module = GeneratedModule.read(generate(ACME), variables());

    assertThat(module.topics())
        .contains(
            new TopicSpec("zero.crm.public.customers", 3, 3, Map.of("cleanup.policy", "delete")),
            new TopicSpec("zero.crm.iceberg-control", 1, 3, Map.of()));
    ConnectorSpec source = connector(module, "zero-crm-source");
    assertThat(source.config())
        .containsEntry("name", "zero-crm-source")
        .containsEntry("database.user", "crm_db-user")
        .containsEntry("database.password", "crm_db-secret")
        .containsEntry("database.hostname", "crm-db.acme.internal")
        .containsEntry(
            "table.include.list", "public\\.consent_events,public\\.customers,public\\.zdp_signal");
    ConnectorSpec sink = connector(module, "zero-crm-sink");
    assertThat(sink.config())
        .containsEntry("iceberg.catalog", "zdp")
        .containsEntry("iceberg.catalog.uri", "http://127.0.0.1:8181")
        .containsEntry("iceberg.kafka.bootstrap.servers", "127.0.0.1:9092")
        .containsEntry("iceberg.catalog.credential", "iceberg_catalog-user:iceberg_catalog-secret")
        .containsEntry(
            "iceberg.kafka.sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"kafka_zdp-user\" password=\"kafka_zdp-secret\";");
    assertThat(module.connectors().indexOf(source))
        .as("sources are applied before the sinks that depend on them")
        .isLessThan(module.connectors().indexOf(sink));
    assertThat(module.stagingTable(module.mergeJob("shop", "orders", true).orElseThrow()))
        .contains("staging.shop__orders");
  }

  @Test
  void aVariableWithoutValueOrDefaultIsNamed() throws Exception {
    Map<String, String> values = variables();
    values.remove("crm_db_password");
    Path module = generate(ACME);

    assertThatThrownBy(() -> GeneratedModule.read(module, values))
        .isInstanceOf(SandboxException.class)
        .hasMessage(
            "Cannot apply kafka-connect_connector.crm_source in crm.tf: variable"
                + " 'crm_db_password' has no value (give it one, as TF_VAR_crm_db_password would)");
  }

  @Test
  void endpointsDefaultToTheModelsValues() throws Exception {
    Map<String, String> values = variables();
    values.remove("kafka_bootstrap_servers");
    GeneratedModule module = GeneratedModule.read(generate(ACME), values);

    assertThat(connector(module, "zero-shop-sink").config())
        .containsEntry(
            "iceberg.kafka.bootstrap.servers",
            "kafka-1.acme.internal:9093,kafka-2.acme.internal:9093");
  }

  @Test
  void theSandboxDropsWhatItCannotServeAndSaysSo() throws Exception {
    GeneratedModule module = GeneratedModule.read(generate(ACME), variables());
    SandboxAdjustments adjustments =
        new SandboxAdjustments(
            new PostgresEndpoint("127.0.0.1", 5555, "postgres", "postgres"),
            URI.create("http://127.0.0.1:8181"),
            new S3Endpoint(URI.create("http://127.0.0.1:9000"), "ak", "sk", "us-east-1", "w"),
            Optional.of(1000L));
    SortedSet<String> notes = new TreeSet<>();

    ConnectorSpec sink = adjustments.connector(connector(module, "zero-crm-sink"), notes);
    ConnectorSpec source = adjustments.connector(connector(module, "zero-crm-source"), notes);
    TopicSpec topic = adjustments.topic(module.topics().get(0), notes);

    assertThat(sink.config())
        .doesNotContainKeys(
            "iceberg.kafka.security.protocol",
            "iceberg.kafka.sasl.mechanism",
            "iceberg.kafka.sasl.jaas.config",
            "iceberg.catalog.credential")
        .containsEntry("iceberg.catalog.s3.endpoint", "http://127.0.0.1:9000")
        .containsEntry("iceberg.catalog.s3.path-style-access", "true")
        .containsEntry("iceberg.control.commit.interval-ms", "1000")
        .containsEntry("iceberg.catalog.s3.access-key-id", "ak")
        .containsEntry("iceberg.catalog.s3.secret-access-key", "sk");
    assertThat(source.config())
        .containsEntry("database.hostname", "127.0.0.1")
        .containsEntry("database.port", "5555");
    assertThat(topic.replicationFactor()).isEqualTo(1);
    assertThat(notes)
        .contains(
            "topics: replication factor 3 -> 1 (the sandbox has one broker)",
            "zero-crm-sink: Kafka TLS/SASL settings ignored (iceberg.kafka.security.protocol,"
                + " iceberg.kafka.sasl.mechanism, iceberg.kafka.sasl.jaas.config): the sandbox's"
                + " broker is plaintext",
            "zero-crm-sink: S3 keys -> the sandbox's store's (it accepts no others)",
            "zero-crm-sink: commits every 1000 ms instead of 60000 ms (--commit-interval-ms)",
            "zero-crm-source: captures from the sandbox's PostgreSQL at 127.0.0.1:5555 instead"
                + " of crm-db.acme.internal:5432 (the host is not a Terraform variable)");
  }

  private static ConnectorSpec connector(GeneratedModule module, String name) {
    return module.connectors().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no connector " + name + " in " + module));
  }
}
