package dev.zdp.model.load;

import dev.zdp.model.SourceLocation;
import java.util.List;
import java.util.Map;

/** A parsed YAML node that remembers where it was written. The loader binds records from these. */
sealed interface YamlNode {

  SourceLocation at();

  /** A word for the node's shape in messages: "a mapping", "a list", "text", "a number"… */
  String describe();

  /** A mapping, keys in document order. Duplicate keys were reported and the first one kept. */
  record MapNode(SourceLocation at, Map<String, Entry> entries) implements YamlNode {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** One key of a mapping, with where the key itself was written. */
  record Entry(String key, SourceLocation keyAt, YamlNode value) {}

  record ListNode(SourceLocation at, List<YamlNode> items) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A scalar as written, with the type YAML resolved it to. */
  record ScalarNode(SourceLocation at, String text, ScalarType type) implements YamlNode {
    @Override
    public String describe() {
      return switch (type) {
        case STRING -> "text '" + text + "'";
        case INTEGER, DECIMAL -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "an empty value";
      };
    }
  }

  /** What YAML resolved a plain or quoted scalar to. */
  enum ScalarType {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }
}
