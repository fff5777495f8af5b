package dev.zdp.validator.rules;

import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.model.Suggestions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words rules use for the model's objects, so every message names things the same way: "dataset
 * 'crm.customers'", "column 'id' of dataset 'crm.customers'", "crm.yaml:4".
 */
public final class Describe {

  /** What an element of each named list is called. */
  private static final Map<String, String> LIST_NOUNS =
      Map.of(
          "datasets", "dataset",
          "columns", "column",
          "datasetGroups", "dataset group",
          "sinks", "sink",
          "zones", "zone declaration",
          "platforms", "platform",
          "teams", "team declaration");

  private Describe() {}

  /**
   * An object path in words: {@code Datastore/crm/datasets[customers]/columns[id]} is "column 'id'
   * of dataset 'crm.customers'".
   */
  public static String object(ObjectPath path) {
    List<String> segments = path.segments();
    if (segments.size() < 2) {
      return "document " + segments.get(0);
    }
    String described = segments.get(0) + " '" + segments.get(1) + "'";
    String datastore = segments.get(0).equals(Kind.DATASTORE.label()) ? segments.get(1) : null;
    for (String segment : segments.subList(2, segments.size())) {
      Optional<String> key = itemKey(segment);
      String field = key.isPresent() ? segment.substring(0, segment.indexOf('[')) : segment;
      if (key.isEmpty()) {
        described = "field '" + field + "' of " + described;
      } else if (field.equals("datasets") && datastore != null) {
        described = "dataset '" + datastore + "." + key.get() + "'";
      } else {
        described =
            LIST_NOUNS.getOrDefault(field, field + " entry")
                + " '"
                + key.get()
                + "' of "
                + described;
      }
    }
    return described;
  }

  /**
   * What the last segment of a definition's path is called: "Datastore" for a top-level object,
   * "column" for {@code .../columns[id]}; empty for a path that names no definition.
   */
  public static Optional<String> noun(ObjectPath path) {
    if (path.size() == 2) {
      return Optional.of(path.segments().get(0));
    }
    String last = path.last();
    int bracket = last.indexOf('[');
    return bracket < 0
        ? Optional.empty()
        : Optional.ofNullable(LIST_NOUNS.get(last.substring(0, bracket)));
  }

  /**
   * The name a definition's path gives its object: the name of a top-level object, the key of a
   * list element; empty for a document or a plain field.
   */
  public static Optional<String> name(ObjectPath path) {
    if (path.size() == 2) {
      return Optional.of(path.last());
    }
    return path.size() < 2 ? Optional.empty() : itemKey(path.last());
  }

  /** The list field of a path's last segment: {@code datasets} for {@code .../datasets[x]}. */
  public static Optional<String> listField(ObjectPath path) {
    String last = path.last();
    int bracket = last.indexOf('[');
    return path.size() > 2 && bracket > 0 && last.endsWith("]")
        ? Optional.of(last.substring(0, bracket))
        : Optional.empty();
  }

  /** A location as people quote it: {@code crm.yaml:4}. */
  public static String at(SourceLocation location) {
    return location.file() + ":" + location.line();
  }

  /**
   * A hint for a name that resolves to nothing: "did you mean 'customer'?" when one of {@code
   * candidates} is a plausible typo of {@code typed}, else {@code otherwise}.
   */
  public static String didYouMean(String typed, Collection<String> candidates, String otherwise) {
    return Suggestions.nearest(typed, candidates)
        .map(s -> "did you mean '" + s + "'?")
        .orElse(otherwise);
  }

  private static Optional<String> itemKey(String segment) {
    int bracket = segment.indexOf('[');
    if (bracket <= 0 || !segment.endsWith("]")) {
      return Optional.empty();
    }
    return Optional.of(segment.substring(bracket + 1, segment.length() - 1));
  }
}
