package dev.zdp.action.status;

import dev.zdp.generator.plan.TerraformReader;
import dev.zdp.generator.plan.TerraformReader.Block;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code generate} renders for one platform, read back from its Terraform: the connectors and
 * topics Terraform would create, with the variables resolved.
 *
 * @param module the root module's directory in the output ({@code zero})
 * @param variables every variable's value, overrides over defaults; credentials without a value are
 *     absent
 * @param connectors by name
 * @param topics by name
 */
record Generated(
    String module,
    SortedMap<String, String> variables,
    SortedMap<String, Connector> connectors,
    SortedMap<String, Topic> topics) {

  /**
   * A connector as rendered.
   *
   * @param file the {@code .tf} file declaring it
   * @param config every key the connector is created with; a secret's value is never kept
   * @param sensitive the keys whose values are secrets: compared by presence only
   */
  record Connector(String file, SortedMap<String, String> config, Set<String> sensitive) {}

  /** A topic as rendered. */
  record Topic(String file, int partitions, SortedMap<String, String> config) {}

  private static final Pattern CONFIG = Pattern.compile("(config|config_sensitive)\\[\"(.*)\"]");
  private static final Pattern VARIABLE = Pattern.compile("var\\.([A-Za-z0-9_]+)");

  /**
   * Reads the {@code .tf} files of one root module ({@code files}, by path inside the output).
   *
   * @param module the module's directory, the files' common parent
   */
  static Generated read(String module, Map<String, byte[]> files, Variables overrides) {
    SortedMap<String, Block> blocks = TerraformReader.readModule(files);
    SortedMap<String, String> variables = new TreeMap<>();
    blocks.forEach(
        (address, block) -> {
          Matcher m = VARIABLE.matcher(address);
          if (m.matches()) {
            overrides
                .value(m.group(1), Optional.ofNullable(block.attributes().get("default")))
                .ifPresent(value -> variables.put(m.group(1), value));
          }
        });
    SortedMap<String, Connector> connectors = new TreeMap<>();
    SortedMap<String, Topic> topics = new TreeMap<>();
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
    return new Generated(module, variables, connectors, topics);
  }

  /** {@code var.name} as its value; a variable without one stays as written. */
  private static String resolve(String value, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(value);
    return m.matches() ? variables.getOrDefault(m.group(1), value) : value;
  }
}
