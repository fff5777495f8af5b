package dev.zdp.generator.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A map handed to templates that reports every lookup of a key it does not have, so a mistyped
 * field ({@code {{ dataset.nmae }}}) fails the render even inside {@code if} and {@code for}, where
 * Jinjava's own strict mode looks away. Keys are sorted, so iterating one is deterministic.
 */
public final class StrictMap extends TreeMap<String, Object> {

  private static final long serialVersionUID = 1L;

  /** Names Jinjava looks up as properties before calling the map method of the same name. */
  private static final Set<String> MAP_METHODS =
      Set.of("items", "keys", "values", "size", "empty", "class");

  public StrictMap(Map<String, ?> entries) {
    super(entries);
  }

  public static StrictMap of(Object... keysAndValues) {
    StrictMap map = new StrictMap(Map.of());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Override
  public Object get(Object key) {
    Object value = super.get(key);
    // one lookup of the tree for a key it has (every lookup but a mistake's): most of a render's
    // lookups are a template's, and Pebble's map resolver looks each key up twice already
    if (value == null && !containsKey(key) && !MAP_METHODS.contains(key)) {
      JinjavaInterpreter.getCurrentMaybe()
          .ifPresent(
              interpreter ->
                  UnknownNames.record(
                      new UnknownNames.Unknown(
                          "field", String.valueOf(key), keySet(), interpreter.getLineNumber())));
    }
    return value;
  }
}
