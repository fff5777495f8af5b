package dev.zdp.generator.plan;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads rendered Terraform back with hcl4j (a Java HCL parser) into resources by address, so two
 * renders can be compared the way Terraform would see them. References to variables are kept as
 * text ({@code var.kafka_bootstrap_servers}), not resolved.
 */
public final class TerraformReader {

  private TerraformReader() {}

  /**
   * One resource or variable: its flattened attributes ({@code name}, {@code config["slot.name"]})
   * and which of them hold secrets.
   */
  public record Block(
      String file, String type, SortedMap<String, String> attributes, Set<String> sensitive) {}

  /** Thrown when a rendered file is not valid HCL; names the file. */
  public static final class InvalidHclException extends RuntimeException {
    InvalidHclException(String file, Exception cause) {
      super("Cannot parse generated " + file + " as HCL: " + cause.getMessage(), cause);
    }
  }

  /** Parses one file on its own; what a test uses to prove a file is valid HCL. */
  public static Map<String, Object> parse(String file, byte[] content) {
    return parse(file, new String(content, StandardCharsets.UTF_8), Map.of());
  }

  /**
   * Reads the {@code .tf} files of one root module into blocks by address: {@code <type>.<name>}
   * for resources, {@code var.<name>} for variables.
   */
  public static SortedMap<String, Block> readModule(Map<String, byte[]> files) {
    Map<String, String> texts = new TreeMap<>();
    files.forEach((k, v) -> texts.put(k, new String(v, StandardCharsets.UTF_8)));
    Map<String, Object> variables = new HashMap<>();
    Set<String> sensitiveVariables = new TreeSet<>();
    texts.forEach(
        (file, text) -> {
          Object declared = parse(file, text, Map.of()).get("variable");
          if (declared instanceof Map<?, ?> vars) {
            vars.forEach(
                (name, body) -> {
                  variables.put(String.valueOf(name), "var." + name);
                  if (body instanceof Map<?, ?> b && Boolean.TRUE.equals(b.get("sensitive"))) {
                    sensitiveVariables.add("var." + name);
                  }
                });
          }
        });
    SortedMap<String, Block> blocks = new TreeMap<>();
    texts.forEach(
        (file, text) -> {
          Map<String, Object> parsed = parse(file, text, variables);
          if (parsed.get("resource") instanceof Map<?, ?> types) {
            types.forEach(
                (type, named) -> {
                  if (named instanceof Map<?, ?> byName) {
                    byName.forEach(
                        (name, body) ->
                            blocks.put(
                                type + "." + name,
                                block(file, String.valueOf(type), body, sensitiveVariables)));
                  }
                });
          }
          if (parsed.get("variable") instanceof Map<?, ?> vars) {
            vars.forEach(
                (name, body) -> {
                  Block block = block(file, "variable", body, Set.of());
                  Set<String> sensitive =
                      sensitiveVariables.contains("var." + name)
                          ? block.attributes().keySet()
                          : Set.of();
                  blocks.put(
                      "var." + name,
                      new Block(file, "variable", block.attributes(), Set.copyOf(sensitive)));
                });
          }
        });
    return blocks;
  }

  private static Map<String, Object> parse(
      String file, String text, Map<String, Object> variables) {
    try {
      HCLParser parser = new HCLParser();
      parser.setVariables(new HashMap<>(variables));
      return parser.parse(text);
    } catch (HCLParserException | IOException | RuntimeException e) {
      throw new InvalidHclException(file, e);
    }
  }

  private static Block block(
      String file, String type, Object body, Set<String> sensitiveVariables) {
    SortedMap<String, String> attributes = new TreeMap<>();
    Set<String> sensitive = new TreeSet<>();
    if (body instanceof Map<?, ?> map) {
      flatten("", map, attributes);
    }
    attributes.forEach(
        (key, value) -> {
          if (key.startsWith("config_sensitive") || sensitiveVariables.contains(value)) {
            sensitive.add(key);
          }
        });
    return new Block(file, type, attributes, Set.copyOf(sensitive));
  }

  private static void flatten(String prefix, Map<?, ?> map, SortedMap<String, String> out) {
    map.forEach(
        (k, v) -> {
          String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "[\"" + k + "\"]";
          if (v instanceof Map<?, ?> nested) {
            flatten(key, nested, out);
          } else {
            out.put(key, text(v));
          }
        });
  }

  private static String text(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return String.valueOf(d.longValue());
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(TerraformReader::text).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(value);
  }

  /** The list form of a comma-separated attribute value, for comparing table lists. */
  static List<String> csv(String value) {
    return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
  }
}
