package dev.zdp.model.load;

import dev.zdp.model.Durations;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.model.Suggestions;
import dev.zdp.model.load.LoadProblem.Code;
import dev.zdp.model.load.YamlNode.Entry;
import dev.zdp.model.load.YamlNode.ListNode;
import dev.zdp.model.load.YamlNode.MapNode;
import dev.zdp.model.load.YamlNode.ScalarNode;
import dev.zdp.model.load.YamlNode.ScalarType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads the keys of one YAML mapping into values of an object at {@code path}. Every key asked for
 * becomes a known key; {@link #finish()} reports the rest as unknown, with the nearest known key
 * suggested. Every read records the value's location under the field's path. A missing required
 * value or a value of the wrong shape is reported and {@link #failed()} turns true, so the caller
 * drops the object rather than build it from guesses.
 */
final class Fields {

  private final MapNode node;
  private final ObjectPath path;
  private final Binding binding;

  /** The keys asked for, in order: a few per mapping, so a list (a million column mappings). */
  private final List<String> known = new ArrayList<>(6);

  private final String where;
  private final String word;
  private final String quoted;
  private final int number;
  private final String elementName;
  private boolean failed;

  /**
   * @param where how messages name this mapping: "metadata", "spec.capture", "column 'id'"…
   */
  Fields(MapNode node, ObjectPath path, Binding binding, String where) {
    this(node, path, binding, where, null, null, 0, null);
  }

  /**
   * A list element, named in messages as {@code word 'quoted'} or, without a name, {@code word
   * number}: the text is made only for a message.
   */
  private Fields(
      MapNode node,
      ObjectPath path,
      Binding binding,
      String where,
      String word,
      String quoted,
      int number,
      String elementName) {
    this.node = node;
    this.path = path;
    this.binding = binding;
    this.where = where;
    this.word = word;
    this.quoted = quoted;
    this.number = number;
    this.elementName = elementName;
  }

  /** How messages name this mapping. */
  private String where() {
    if (where != null) {
      return where;
    }
    return quoted != null ? word + " '" + quoted + "'" : word + " " + number;
  }

  private void know(String key) {
    if (!known.contains(key)) {
      known.add(key);
    }
  }

  /**
   * Starts reading a named element of a list: reads its {@code name} and addresses it by that name
   * ({@code datasets[customers]}), recording its definition. Empty when it has no name (reported).
   */
  static Optional<Fields> namedElement(
      MapNode node, ObjectPath parent, String listKey, int index, String word, Binding binding) {
    Fields byIndex =
        new Fields(node, parent.index(listKey, index), binding, null, word, null, index + 1, null);
    String name = byIndex.requiredText("name");
    if (name == null) {
      return Optional.empty();
    }
    ObjectPath path = parent.item(listKey, name);
    binding.define(path, node.at());
    Fields byName = new Fields(node, path, binding, null, word, name, 0, name);
    byName.allow("name");
    byName.locateValue("name");
    return Optional.of(byName);
  }

  /** The {@code name} of an element read with {@link #namedElement}. */
  String name() {
    return elementName;
  }

  /** Records where {@code key}'s value was written, for a key read before this path was known. */
  void locateValue(String key) {
    Entry entry = node.entries().get(key);
    if (entry != null) {
      locateField(key, entry.value().at());
    }
  }

  /**
   * Where {@code key}'s value was written, or this mapping's location when it has none: the
   * location a scalar read by {@link #text} or {@link #requiredText} was recorded at.
   */
  SourceLocation valueAt(String key) {
    Entry entry = node.entries().get(key);
    return entry == null || isNull(entry.value()) ? node.at() : entry.value().at();
  }

  /** Reports {@code key}'s value as invalid, at the value, and marks this mapping failed. */
  void invalid(String key, String message, String hint) {
    binding.problem(Code.INVALID_VALUE, message, valueAt(key), path.field(key), hint);
    failed = true;
  }

  /** Records the location of a field, building its path only when locations are recorded. */
  private void locateField(String key, SourceLocation at) {
    if (binding.recordsLocations()) {
      binding.locate(path.field(key), at);
    }
  }

  MapNode node() {
    return node;
  }

  ObjectPath path() {
    return path;
  }

  SourceLocation at() {
    return node.at();
  }

  boolean failed() {
    return failed;
  }

  /** Marks the object as not buildable (a nested part failed). */
  void fail() {
    failed = true;
  }

  boolean has(String key) {
    Entry entry = node.entries().get(key);
    return entry != null && !isNull(entry.value());
  }

  /** Marks keys as known without reading them (read elsewhere). */
  void allow(String... keys) {
    for (String key : keys) {
      know(key);
    }
  }

  /** A required text value. Any scalar is taken as written (so {@code name: no} stays "no"). */
  String requiredText(String key) {
    Optional<String> value = text(key);
    if (value.isPresent()) {
      return value.get();
    }
    if (!presentButWrong(key)) {
      missing(key, "a value", null);
    }
    failed = true;
    return null;
  }

  /** An optional text value; an empty value counts as absent. */
  Optional<String> text(String key) {
    return scalar(key, "text").map(ScalarNode::text);
  }

  String text(String key, String defaultValue) {
    return text(key).orElse(defaultValue);
  }

  int integer(String key, int defaultValue, int min, int max) {
    return Math.toIntExact(number(key, defaultValue, min, max));
  }

  long longInteger(String key, long defaultValue, long min, long max) {
    return number(key, defaultValue, min, max);
  }

  private long number(String key, long defaultValue, long min, long max) {
    Optional<ScalarNode> scalar = scalar(key, "a whole number");
    if (scalar.isEmpty()) {
      return defaultValue;
    }
    ScalarNode value = scalar.get();
    if (value.type() != ScalarType.INTEGER) {
      String hint =
          value.type() == ScalarType.STRING && value.text().strip().matches("-?\\d+")
              ? "write " + value.text().strip() + " without quotes"
              : "write a whole number between " + min + " and " + max;
      return wrongType(key, value, "a whole number", hint, defaultValue);
    }
    try {
      long parsed = Long.parseLong(value.text().replace("_", ""));
      if (parsed < min || parsed > max) {
        binding.problem(
            Code.INVALID_VALUE,
            "'"
                + key
                + "' in "
                + where()
                + " is "
                + parsed
                + "; it must be between "
                + min
                + " and "
                + max,
            value.at(),
            path.field(key),
            "");
        failed = true;
        return defaultValue;
      }
      return parsed;
    } catch (NumberFormatException e) {
      return wrongType(key, value, "a whole number", "write a whole number", defaultValue);
    }
  }

  /** An optional duration written as {@link Durations#FORMAT}, at most {@link Durations#MAX}. */
  Optional<Duration> duration(String key) {
    Optional<ScalarNode> scalar = scalar(key, Durations.FORMAT);
    if (scalar.isEmpty()) {
      return Optional.empty();
    }
    String text = scalar.get().text();
    Optional<Duration> parsed = Durations.parse(text);
    if (parsed.isEmpty() || parsed.get().compareTo(Durations.MAX) > 0) {
      invalid(
          key,
          "'"
              + key
              + "' in "
              + where()
              + " is '"
              + text
              + "'; "
              + (parsed.isEmpty() ? "expected " + Durations.FORMAT : "it must be at most 365d"),
          "write " + key + ": 1h (or 30s, 15m, 1d)");
      return Optional.empty();
    }
    return parsed;
  }

  boolean bool(String key, boolean defaultValue) {
    Optional<ScalarNode> scalar = scalar(key, "true or false");
    if (scalar.isEmpty()) {
      return defaultValue;
    }
    ScalarNode value = scalar.get();
    if (value.type() != ScalarType.BOOLEAN) {
      return wrongType(key, value, "true or false", "write true or false", defaultValue);
    }
    return Boolean.parseBoolean(value.text())
        || value.text().equalsIgnoreCase("yes")
        || value.text().equalsIgnoreCase("on")
        || value.text().equalsIgnoreCase("y");
  }

  /**
   * One of a fixed set of words.
   *
   * @param values the accepted spellings, in the order messages list them
   */
  <E> Optional<E> choice(String key, Map<String, E> values) {
    Optional<ScalarNode> scalar = scalar(key, "one of " + String.join(", ", values.keySet()));
    if (scalar.isEmpty()) {
      return Optional.empty();
    }
    ScalarNode value = scalar.get();
    E chosen = values.get(value.text());
    if (chosen == null) {
      String hint =
          Suggestions.nearest(value.text(), values.keySet())
              .map(s -> "did you mean '" + s + "'?")
              .orElse("write one of: " + String.join(", ", values.keySet()));
      binding.problem(
          Code.INVALID_VALUE,
          "'"
              + key
              + "' in "
              + where()
              + " is '"
              + value.text()
              + "'; it must be one of "
              + String.join(", ", values.keySet()),
          value.at(),
          path.field(key),
          hint);
      failed = true;
    }
    return Optional.ofNullable(chosen);
  }

  /** A required nested mapping. */
  Optional<Fields> requiredMap(String key, String whereName) {
    Optional<Fields> nested = map(key, whereName);
    if (nested.isEmpty()) {
      if (!presentButWrong(key)) {
        missing(key, "a mapping", null);
      }
      failed = true;
    }
    return nested;
  }

  /** An optional nested mapping, read as the field {@code key} of this object. */
  Optional<Fields> map(String key, String whereName) {
    know(key);
    Entry entry = node.entries().get(key);
    if (entry == null || isNull(entry.value())) {
      return Optional.empty();
    }
    ObjectPath childPath = path.field(key);
    locateField(key, entry.keyAt());
    if (entry.value() instanceof MapNode child) {
      return Optional.of(new Fields(child, childPath, binding, whereName));
    }
    wrongType(
        key, entry.value(), "a mapping", "write " + key + ": followed by indented keys", null);
    return Optional.empty();
  }

  /** An optional list of text values (for example classifications). */
  List<String> textList(String key) {
    List<String> result = new ArrayList<>();
    List<YamlNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      YamlNode item = items.get(i);
      if (item instanceof ScalarNode scalar && scalar.type() != ScalarType.NULL) {
        if (binding.recordsLocations()) {
          binding.locate(path.item(key, scalar.text()), scalar.at());
        }
        result.add(scalar.text());
      } else {
        binding.problem(
            Code.WRONG_TYPE,
            "item "
                + (i + 1)
                + " of '"
                + key
                + "' in "
                + where()
                + " is "
                + item.describe()
                + "; expected text",
            item.at(),
            path.field(key),
            "write a list of words: " + key + ": [a, b]");
        failed = true;
      }
    }
    return result;
  }

  /**
   * A list of mappings, each bound by {@code bind}; elements that fail are dropped (their problems
   * are reported) and the others kept.
   */
  <T> List<T> mapList(
      String key, BiFunction<MapNode, Integer, Optional<T>> bind, String elementWord) {
    List<T> result = new ArrayList<>();
    List<YamlNode> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      YamlNode item = items.get(i);
      if (item instanceof MapNode map) {
        bind.apply(map, i).ifPresent(result::add);
      } else {
        binding.problem(
            Code.WRONG_TYPE,
            "item "
                + (i + 1)
                + " of '"
                + key
                + "' in "
                + where()
                + " is "
                + item.describe()
                + "; expected "
                + elementWord
                + " (a mapping)",
            item.at(),
            path.index(key, i),
            "write each item as a mapping, e.g. - {name: ...}");
      }
    }
    return result;
  }

  /** A mapping of words to words, such as an ecosystem's {@code rules}. */
  <V> Map<String, V> wordMap(String key, Function<Fields, Function<String, Optional<V>>> reader) {
    Map<String, V> result = new java.util.TreeMap<>();
    Optional<Fields> nested = map(key, where() + "." + key);
    if (nested.isEmpty()) {
      return result;
    }
    Fields fields = nested.get();
    Function<String, Optional<V>> read = reader.apply(fields);
    for (String entryKey : fields.node.entries().keySet()) {
      read.apply(entryKey).ifPresent(v -> result.put(entryKey, v));
    }
    return result;
  }

  private List<YamlNode> list(String key) {
    know(key);
    Entry entry = node.entries().get(key);
    if (entry == null || isNull(entry.value())) {
      return List.of();
    }
    locateField(key, entry.keyAt());
    if (entry.value() instanceof ListNode list) {
      return list.items();
    }
    wrongType(
        key, entry.value(), "a list", "write each item on its own line starting with '- '", null);
    return List.of();
  }

  private Optional<ScalarNode> scalar(String key, String expected) {
    know(key);
    Entry entry = node.entries().get(key);
    if (entry == null || isNull(entry.value())) {
      return Optional.empty();
    }
    locateField(key, entry.value().at());
    if (entry.value() instanceof ScalarNode scalar) {
      return Optional.of(scalar);
    }
    wrongType(key, entry.value(), expected, "write " + key + ": <" + expected + ">", null);
    return Optional.empty();
  }

  private boolean presentButWrong(String key) {
    Entry entry = node.entries().get(key);
    return entry != null && !isNull(entry.value());
  }

  private <T> T wrongType(String key, YamlNode value, String expected, String hint, T fallback) {
    binding.problem(
        Code.WRONG_TYPE,
        "'" + key + "' in " + where() + " is " + value.describe() + "; expected " + expected,
        value.at(),
        path.field(key),
        hint);
    failed = true;
    return fallback;
  }

  private <T> T missing(String key, String expected, T fallback) {
    Entry entry = node.entries().get(key);
    SourceLocation at = entry != null ? entry.keyAt() : node.at();
    String message =
        entry != null
            ? "'" + key + "' in " + where() + " has no value"
            : where() + " has no '" + key + "'";
    binding.problem(Code.MISSING_FIELD, message, at, path, "add " + key + ": <" + expected + ">");
    failed = true;
    return fallback;
  }

  /**
   * Reports every key that was never asked for as unknown, suggesting the nearest known key (or,
   * when the key belongs to another part of the document, where it goes). A key that holds a secret
   * ({@code password}, {@code token}…), here or anywhere under an unknown key, is reported as an
   * inline secret instead, without its value.
   */
  void finish(Map<String, String> belongsElsewhere) {
    for (Entry entry : node.entries().values()) {
      if (known.contains(entry.key())) {
        continue;
      }
      if (SecretKeys.holdsSecret(entry.key())) {
        inlineSecret(entry);
        continue;
      }
      Optional<Entry> split = splitAtComma(entry);
      if (split.isPresent()) {
        String whole = split.get().key() + ": " + text(split.get()) + "," + entry.key();
        binding.problem(
            Code.UNKNOWN_KEY,
            "unknown key '"
                + entry.key()
                + "' in "
                + where()
                + ": YAML split '"
                + whole
                + "' at the comma (in a flow mapping {...} a comma ends the value), leaving "
                + split.get().key()
                + " '"
                + text(split.get())
                + "' and a key '"
                + entry.key()
                + "'",
            entry.keyAt(),
            path,
            "quote the value ("
                + split.get().key()
                + ": \""
                + text(split.get())
                + ","
                + entry.key()
                + "\") or write the mapping in block style, one key a line");
        continue;
      }
      String elsewhere = belongsElsewhere.get(entry.key());
      String hint =
          elsewhere != null
              ? "'" + entry.key() + "' belongs under " + elsewhere
              : Suggestions.nearest(entry.key(), known)
                  .map(s -> "did you mean '" + s + "'?")
                  .orElse("the keys allowed here are: " + String.join(", ", known));
      binding.problem(
          Code.UNKNOWN_KEY,
          "unknown key '" + entry.key() + "' in " + where(),
          entry.keyAt(),
          path,
          hint);
      nestedSecrets(entry.value());
    }
  }

  /**
   * For a key such as {@code 2)} without a value: the entry whose value a comma cut short ({@code
   * type: decimal(12} of {@code {type: decimal(12,2)}}), when there is one.
   */
  private Optional<Entry> splitAtComma(Entry entry) {
    String key = entry.key();
    boolean noValue =
        entry.value() instanceof ScalarNode value
            && (value.type() == ScalarType.NULL || value.text().isEmpty());
    if (!key.endsWith(")") || key.contains("(") || !noValue) {
      return Optional.empty();
    }
    for (Entry other : node.entries().values()) {
      if (other.value() instanceof ScalarNode scalar
          && scalar.text().contains("(")
          && !scalar.text().contains(")")) {
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }

  private static String text(Entry entry) {
    return ((ScalarNode) entry.value()).text();
  }

  private void inlineSecret(Entry entry) {
    binding.problem(
        Code.INLINE_SECRET,
        "'" + entry.key() + "' in " + where() + " holds a secret; the model never holds secrets",
        entry.keyAt(),
        path,
        SecretKeys.whereSecretsGo(known.contains("credential")));
  }

  /** Secrets under an unknown key are reported too: no part of a model file holds one. */
  private void nestedSecrets(YamlNode value) {
    if (value instanceof MapNode map) {
      for (Entry entry : map.entries().values()) {
        if (SecretKeys.holdsSecret(entry.key())) {
          inlineSecret(entry);
        } else {
          nestedSecrets(entry.value());
        }
      }
    } else if (value instanceof ListNode list) {
      list.items().forEach(this::nestedSecrets);
    }
  }

  void finish() {
    finish(Map.of());
  }

  private static boolean isNull(YamlNode node) {
    return node instanceof ScalarNode scalar && scalar.type() == ScalarType.NULL;
  }
}
