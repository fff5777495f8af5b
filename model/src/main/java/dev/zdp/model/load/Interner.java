package dev.zdp.model.load;

import dev.zdp.model.ColumnType;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance per distinct short text and per distinct column type of a load: a large model
 * repeats the same column names and types a million times ({@code id}, {@code bigint}), and the
 * parser makes a new string for each. Shared by the threads of one load.
 */
final class Interner {

  /** Longer texts (descriptions) are rarely repeated; keeping them here would only cost. */
  private static final int MAX_LENGTH = 40;

  private final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ColumnType.Parsed> columnTypes =
      new ConcurrentHashMap<>();

  String text(String text) {
    if (text.length() > MAX_LENGTH) {
      return text;
    }
    String known = texts.get(text);
    if (known != null) {
      return known;
    }
    known = texts.putIfAbsent(text, text);
    return known == null ? text : known;
  }

  ColumnType.Parsed columnType(String text) {
    ColumnType.Parsed known = columnTypes.get(text);
    if (known == null) {
      known = ColumnType.parse(text);
      columnTypes.putIfAbsent(text, known);
    }
    return known;
  }
}
