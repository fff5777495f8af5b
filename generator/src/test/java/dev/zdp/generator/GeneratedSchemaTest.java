package dev.zdp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zdp.generator.zero.TerraformReader;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every Terraform attribute and connector config key zdp generates exists in the providers' and
 * connectors' own definitions, as {@code schema/generated-keys.json} records them with the versions
 * they were read from: a misspelt or renamed setting fails here, not at a deploy (Connect ignores a
 * key it does not know, silently).
 */
class GeneratedSchemaTest {

  private static final JsonNode SCHEMA = schema();

  private static JsonNode schema() {
    try (InputStream in =
        GeneratedSchemaTest.class.getResourceAsStream("/schema/generated-keys.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<String> list(JsonNode node) {
    Set<String> values = new TreeSet<>();
    node.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Set<String> group(String name) {
    JsonNode keys = SCHEMA.get("keys").get(name);
    assertThat(keys).as("key group %s in the schema", name).isNotNull();
    return list(keys);
  }

  /** What is wrong in one parsed {@code .tf} file, each as {@code file: where: what}. */
  @SuppressWarnings("unchecked")
  static List<String> problems(String file, Map<String, Object> parsed) {
    List<String> problems = new ArrayList<>();
    JsonNode terraform = SCHEMA.get("terraform");
    for (Map.Entry<String, Object> top : parsed.entrySet()) {
      Map<String, Object> blocks = (Map<String, Object>) top.getValue();
      switch (top.getKey()) {
        case "terraform" ->
            unknown(problems, file, "terraform", blocks, list(terraform.get("terraform")));
        case "provider" ->
            blocks.forEach(
                (name, body) -> {
                  JsonNode allowed = terraform.get("provider." + name);
                  if (allowed == null) {
                    problems.add(file + ": provider " + name + " is not a pinned provider");
                    return;
                  }
                  Map<String, Object> attributes = (Map<String, Object>) body;
                  unknown(problems, file, "provider " + name, attributes, list(allowed));
                  JsonNode values = SCHEMA.get("values");
                  attributes.forEach(
                      (attribute, value) -> {
                        JsonNode accepted = values.get("provider." + name + "." + attribute);
                        if (accepted != null && !list(accepted).contains(String.valueOf(value))) {
                          problems.add(
                              file
                                  + ": provider "
                                  + name
                                  + " "
                                  + attribute
                                  + " = "
                                  + value
                                  + " is not one of "
                                  + list(accepted));
                        }
                      });
                });
        case "variable" ->
            blocks.forEach(
                (name, body) ->
                    unknown(
                        problems,
                        file,
                        "variable " + name,
                        (Map<String, Object>) body,
                        list(terraform.get("variable"))));
        case "resource" ->
            blocks.forEach(
                (type, byName) -> {
                  JsonNode allowed = terraform.get("resource." + type);
                  if (allowed == null) {
                    problems.add(file + ": resource type " + type + " is in no pinned provider");
                    return;
                  }
                  Set<String> attributes = list(allowed);
                  attributes.addAll(list(terraform.get("meta")));
                  ((Map<String, Object>) byName)
                      .forEach(
                          (name, body) -> {
                            Map<String, Object> resource = (Map<String, Object>) body;
                            String where = type + "." + name;
                            unknown(problems, file, where, resource, attributes);
                            if (type.equals("kafka-connect_connector")) {
                              Map<String, Object> config = new LinkedHashMap<>();
                              for (String map : List.of("config", "config_sensitive")) {
                                if (resource.get(map) instanceof Map<?, ?> entries) {
                                  config.putAll((Map<String, Object>) entries);
                                }
                              }
                              problems.addAll(connectorProblems(file + ": " + where, config));
                            }
                          });
                });
        default -> problems.add(file + ": unexpected top-level block " + top.getKey());
      }
    }
    return problems;
  }

  private static void unknown(
      List<String> problems,
      String file,
      String where,
      Map<String, Object> attributes,
      Set<String> allowed) {
    for (String attribute : attributes.keySet()) {
      if (!allowed.contains(attribute)) {
        problems.add(file + ": " + where + ": attribute '" + attribute + "' is not in the schema");
      }
    }
  }

  /** What is wrong in one connector's config keys, checked against its class's definitions. */
  static List<String> connectorProblems(String where, Map<String, Object> config) {
    List<String> problems = new ArrayList<>();
    String connectorClass = String.valueOf(config.get("connector.class"));
    JsonNode connector = SCHEMA.get("connectors").get(connectorClass);
    if (connector == null) {
      return List.of(where + ": connector.class " + connectorClass + " is not in the schema");
    }
    Set<String> keys = new HashSet<>();
    connector.get("keys").forEach(g -> keys.addAll(group(g.asText())));
    Set<String> aliases = new HashSet<>();
    if (config.get("transforms") != null) {
      for (String alias : String.valueOf(config.get("transforms")).split(",")) {
        aliases.add(alias.strip());
      }
    }
    Set<String> tables = new HashSet<>();
    if (config.get("iceberg.tables") != null) {
      for (String table : String.valueOf(config.get("iceberg.tables")).split(",")) {
        tables.add(table.strip());
      }
    }
    for (String key : config.keySet()) {
      if (keys.contains(key)) {
        continue;
      }
      Optional<String> problem = prefixed(key, config, connector, aliases, tables);
      problem.ifPresent(p -> problems.add(where + ": config key '" + key + "' " + p));
    }
    return problems;
  }

  /** Whether a key outside the connector's own definition is a known prefixed key; why not. */
  private static Optional<String> prefixed(
      String key,
      Map<String, Object> config,
      JsonNode connector,
      Set<String> aliases,
      Set<String> tables) {
    for (String converter : List.of("key.converter", "value.converter", "header.converter")) {
      if (key.startsWith(converter + ".")) {
        JsonNode group = SCHEMA.get("converters").get(String.valueOf(config.get(converter)));
        if (group == null) {
          return Optional.of(
              "configures " + converter + " " + config.get(converter) + ", not in the schema");
        }
        return group(group.asText()).contains(key.substring(converter.length() + 1))
            ? Optional.empty()
            : Optional.of("is not a setting of " + config.get(converter));
      }
    }
    if (key.startsWith("transforms.")) {
      String rest = key.substring("transforms.".length());
      int dot = rest.indexOf('.');
      String alias = dot < 0 ? rest : rest.substring(0, dot);
      if (dot < 0 || !aliases.contains(alias)) {
        return Optional.of("names transform '" + alias + "', which 'transforms' does not list");
      }
      String setting = rest.substring(dot + 1);
      if (setting.equals("type") || setting.equals("predicate") || setting.equals("negate")) {
        return Optional.empty();
      }
      String type = String.valueOf(config.get("transforms." + alias + ".type"));
      JsonNode group = SCHEMA.get("transforms").get(type);
      if (group == null) {
        return Optional.of("configures transform " + type + ", not in the schema");
      }
      return group(group.asText()).contains(setting)
          ? Optional.empty()
          : Optional.of("is not a setting of " + type);
    }
    JsonNode prefixes = connector.get("prefixes");
    for (var entry : (Iterable<Map.Entry<String, JsonNode>>) prefixes::fields) {
      if (key.startsWith(entry.getKey())) {
        return group(entry.getValue().asText()).contains(key.substring(entry.getKey().length()))
            ? Optional.empty()
            : Optional.of("is not in " + entry.getValue().asText());
      }
    }
    JsonNode tablePrefix = connector.get("table_prefix");
    if (tablePrefix != null && key.startsWith(tablePrefix.asText())) {
      String rest = key.substring(tablePrefix.asText().length());
      for (String setting : list(connector.get("table_keys"))) {
        if (rest.endsWith("." + setting)) {
          String table = rest.substring(0, rest.length() - setting.length() - 1);
          return tables.contains(table)
              ? Optional.empty()
              : Optional.of("names table '" + table + "', which 'iceberg.tables' does not list");
        }
      }
      return Optional.of("is not a per-table setting of the sink");
    }
    return Optional.of("is not a setting of " + config.get("connector.class"));
  }

  private static List<String> check(SortedMap<String, byte[]> artifacts) {
    List<String> problems = new ArrayList<>();
    int files = 0;
    for (Map.Entry<String, byte[]> artifact : artifacts.entrySet()) {
      if (artifact.getKey().endsWith(".tf")) {
        files++;
        problems.addAll(
            problems(
                artifact.getKey(), TerraformReader.parse(artifact.getKey(), artifact.getValue())));
      }
    }
    assertThat(files).as(".tf files checked").isPositive();
    return problems;
  }

  @Test
  void theExampleModelWritesOnlyAttributesAndKeysTheProvidersAndConnectorsDefine()
      throws Exception {
    LoadResult loaded =
        ModelLoader.load(new DirectorySource(Path.of("..", "examples", "acme")).files());
    assertThat(loaded.problems()).isEmpty();

    assertThat(check(new Generator().render(loaded.model(), Optional.empty()))).isEmpty();
  }

  @Test
  void everyOptionalSettingIsInTheSchemaToo() {
    Platform zero = TestModels.zero();
    List<Platform> platforms =
        List.of(
            // SASL over TLS, Connect basic auth, a JDBC catalog with a login, heartbeat query
            new Platform(
                zero.name(),
                zero.type(),
                "",
                new Platform.KafkaSettings("kafka:9093", 3, 3, true, Optional.of("kafka_zdp")),
                new Platform.ConnectSettings(
                    "https://connect:8083",
                    Optional.of("connect_admin"),
                    30_000,
                    Optional.of("INSERT INTO zdp_heartbeat VALUES (1, now())"),
                    Optional.empty()),
                new Platform.IcebergSettings(
                    new Platform.CatalogSettings(
                        "jdbc",
                        Optional.of("jdbc:postgresql://cat/iceberg"),
                        Optional.of("catalog_db")),
                    "s3://lake/w",
                    zero.iceberg().s3(),
                    "staging",
                    "corpus",
                    10_000)),
            // a REST catalog with OAuth2 client credentials, secrets through the env provider
            new Platform(
                zero.name(),
                zero.type(),
                "",
                new Platform.KafkaSettings("kafka:9093", 3, 3, false, Optional.of("kafka_zdp")),
                new Platform.ConnectSettings(
                    "http://connect:8083",
                    Optional.empty(),
                    10_000,
                    Optional.empty(),
                    Optional.of(new Platform.ConfigProvider("env", Optional.empty()))),
                new Platform.IcebergSettings(
                    new Platform.CatalogSettings(
                        "rest", Optional.of("http://cat:8181"), Optional.of("catalog_zdp")),
                    "s3://lake/w",
                    zero.iceberg().s3(),
                    "staging",
                    "corpus",
                    10_000)));
    for (Platform platform : platforms) {
      Model acme = TestModels.acme();
      List<Object> objects = new ArrayList<>(acme.datastores());
      objects.addAll(acme.workspaces());
      Model model = TestModels.model(TestModels.ecosystem(platform), objects);
      assertThat(check(new Generator().render(model, Optional.empty())))
          .as("%s", platform)
          .isEmpty();
    }
  }

  @Test
  void theCheckFindsAMisspeltOrMisplacedKey() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", "zero-crm-source");
    config.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    config.put("heartbeat.interval.ms", "10000");
    config.put("heartbeat.intervall.ms", "10000");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.replace.nulls.with.default", "false");
    config.put("transforms", "unwrap");
    config.put("transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState");
    config.put("transforms.unwrap.replace.null.with.default", "false");
    config.put("transforms.unwarp.add.fields", "op");

    assertThat(connectorProblems("crm.tf", config))
        .containsExactly(
            "crm.tf: config key 'heartbeat.intervall.ms' is not a setting of io.debezium.connector.postgresql.PostgresConnector",
            "crm.tf: config key 'value.converter.replace.nulls.with.default' is not a setting of org.apache.kafka.connect.json.JsonConverter",
            "crm.tf: config key 'transforms.unwarp.add.fields' names transform 'unwarp', which 'transforms' does not list");
    assertThat(
            problems(
                "versions.tf",
                Map.of(
                    "provider",
                    Map.of("kafka", Map.of("tls_enabled", true, "sasl_mechanism", "PLAIN")))))
        .containsExactly(
            "versions.tf: provider kafka sasl_mechanism = PLAIN is not one of [aws-iam, oauthbearer, plain, scram-sha256, scram-sha512]");
  }
}
