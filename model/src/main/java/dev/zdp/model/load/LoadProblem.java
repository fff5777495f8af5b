package dev.zdp.model.load;

import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * Something in the model files that kept a node from being read: bad YAML, an unknown key, a value
 * of the wrong type. The validator reports each as an error diagnostic under the code's id.
 *
 * @param path the object the node belongs to, when the document got far enough to have one
 * @param hint how to fix it, or empty when the message says it all
 */
public record LoadProblem(
    Code code, String message, SourceLocation location, Optional<ObjectPath> path, String hint) {

  /** The kinds of load problem, each reported under its own rule id. */
  public enum Code {
    YAML_SYNTAX("yaml-syntax", "Model files must be well-formed YAML"),
    DUPLICATE_KEY("duplicate-key", "A key appears at most once in a mapping"),
    UNKNOWN_KEY("unknown-key", "Every key is one the model format defines"),
    INLINE_SECRET("inline-secret", "Secrets are never written in the model, only named"),
    WRONG_TYPE("wrong-type", "Every value has the type its field needs"),
    MISSING_FIELD("missing-field", "Required fields are present"),
    INVALID_VALUE("invalid-value", "Values are ones the field accepts"),
    DOCUMENT_HEADER("document-header", "Every document has apiVersion zdp/v1, kind and metadata"),
    UNKNOWN_KIND("unknown-kind", "Every document is of a kind the model format defines"),
    UNREADABLE_FILE("unreadable-file", "Model files are UTF-8 text"),
    YAML_TAG(
        "yaml-tag",
        "YAML tags (!!str, !custom) are not part of the model format and are ignored",
        true);

    private final String id;
    private final String summary;
    private final boolean warning;

    Code(String id, String summary) {
      this(id, summary, false);
    }

    Code(String id, String summary, boolean warning) {
      this.id = id;
      this.summary = summary;
      this.warning = warning;
    }

    /** Whether the problem is only worth a warning: the file was read, something in it ignored. */
    public boolean warning() {
      return warning;
    }

    public String id() {
      return id;
    }

    public String summary() {
      return summary;
    }
  }

  public LoadProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(hint, "hint");
  }

  @Override
  public String toString() {
    return location + ": [" + code.id() + "] " + message;
  }
}
