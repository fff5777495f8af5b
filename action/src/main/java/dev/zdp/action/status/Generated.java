package dev.zdp.action.status;

import dev.zdp.generator.plan.Block;
import dev.zdp.generator.zero.TerraformReader;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code generate} renders for one platform, read back from its Terraform root modules ({@code
 * zero/}, or {@code zero/shard-001/}, ...): the connectors and topics Terraform would create, with
 * the variables resolved.
 *
 * @param variables every variable's value, overrides over defaults; credentials without a value are
 *     absent
 * @param connectors by name
 * @param topics by name
 */
record Generated(
    SortedMap<String, String> variables,
    SortedMap<String, Connector> connectors,
    SortedMap<String, Topic> topics) {

  /**
   * A connector as rendered.
   *
   * @param file the {@code .tf} file declaring it, by path in the output
   * @param config every key the connector is created with; a secret's value is never kept
   * @param sensitive the keys whose values are secrets: compared by presence only
   */
  record Connector(String file, SortedMap<String, String> config, Set<String> sensitive) {}

  /** A topic as rendered. */
  record Topic(String file, int partitions, SortedMap<String, String> config) {}

  /** What puts back what {@code file} renders. */
  static String apply(String file) {
    return "terraform apply in "
        + (file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : ".")
        + " (the generated root module)";
  }

  private static final Pattern CONFIG = Pattern.compile("(config|config_sensitive)\\[\"(.*)\"]");
  private static final Pattern VARIABLE = Pattern.compile("var\\.([A-Za-z0-9_]+)");

  /**
   * Reads the {@code .tf} files of a platform's root modules ({@code files}, by path inside the
   * output; each directory is a root module).
   */
  static Generated read(Map<String, byte[]> files, Variables overrides) {
    SortedMap<String, SortedMap<String, byte[]>> modules = new TreeMap<>();
    files.forEach(
        (path, bytes) ->
            modules
                .computeIfAbsent(
                    path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "",
                    directory -> new TreeMap<>())
                .put(path, bytes));
    SortedMap<String, String> variables = new TreeMap<>();
    SortedMap<String, Connector> connectors = new TreeMap<>();
    SortedMap<String, Topic> topics = new TreeMap<>();
    modules
        .values()
        .forEach(module -> readModule(module, overrides, variables, connectors, topics));
    return new Generated(variables, connectors, topics);
  }

  private static void readModule(
      Map<String, byte[]> files,
      Variables overrides,
      SortedMap<String, String> variables,
      SortedMap<String, Connector> connectors,
      SortedMap<String, Topic> topics) {
    SortedMap<String, Block> blocks = TerraformReader.readModule(files);
    blocks.forEach(
        (address, block) -> {
          Matcher m = VARIABLE.matcher(address);
          if (m.matches()) {
            overrides
                .value(m.group(1), Optional.ofNullable(block.attributes().get("default")))
                .ifPresent(value -> variables.put(m.group(1), value));
          }
        });
    blocks.forEach(
        (address, block) -> {
          if (block.type().equals("kafka-connect_connector")) {
            SortedMap<String, String> config = new TreeMap<>();
            Set<String> sensitive = new TreeSet<>();
            block
                .attributes()
                .forEach(
                    (key, value) -> {
                      Matcher m = CONFIG.matcher(key);
                      if (!m.matches()) {
                        return;
                      }
                      if (block.sensitive().contains(key)) {
                        sensitive.add(m.group(2));
                        config.put(m.group(2), "");
                      } else {
                        config.put(m.group(2), resolve(value, variables));
                      }
                    });
            connectors.put(
                resolve(block.attributes().get("name"), variables),
                new Connector(block.file(), config, Set.copyOf(sensitive)));
          } else if (block.type().equals("kafka_topic")) {
            SortedMap<String, String> config = new TreeMap<>();
            block
                .attributes()
                .forEach(
                    (key, value) -> {
                      Matcher m = CONFIG.matcher(key);
                      if (m.matches()) {
                        config.put(m.group(2), resolve(value, variables));
                      }
                    });
            topics.put(
                resolve(block.attributes().get("name"), variables),
                new Topic(
                    block.file(), Integer.parseInt(block.attributes().get("partitions")), config));
          }
        });
  }

  /** {@code var.name} as its value; a variable without one stays as written. */
  private static String resolve(String value, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(value);
    return m.matches() ? variables.getOrDefault(m.group(1), value) : value;
  }
}
