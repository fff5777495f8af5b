package dev.zdp.validator.change;

import java.util.LinkedHashMap;
import java.util.Map;

/** The model files of one commit (path below {@code model/} → YAML), edited case by case. */
public record Tree(Map<String, String> files) {

  public Tree {
    files = Map.copyOf(files);
  }

  /**
   * This tree with {@code from} replaced by {@code to} in {@code file}; {@code from} must occur
   * once.
   */
  public Tree edit(String file, String from, String to) {
    String text = files.get(file);
    if (text == null) {
      throw new IllegalArgumentException("no file " + file);
    }
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("'" + from + "' is not in " + file + " exactly once");
    }
    return put(file, text.replace(from, to));
  }

  public Tree put(String file, String content) {
    Map<String, String> next = new LinkedHashMap<>(files);
    next.put(file, content);
    return new Tree(next);
  }

  public Tree remove(String file) {
    Map<String, String> next = new LinkedHashMap<>(files);
    if (next.remove(file) == null) {
      throw new IllegalArgumentException("no file " + file);
    }
    return new Tree(next);
  }

  /** The 1-based line of the one line of {@code file} that contains {@code snippet}. */
  public int lineOf(String file, String snippet) {
    String[] lines = files.get(file).split("\n", -1);
    int found = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(snippet)) {
        if (found >= 0) {
          throw new IllegalArgumentException("'" + snippet + "' is on several lines of " + file);
        }
        found = i + 1;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("'" + snippet + "' is not in " + file);
    }
    return found;
  }
}
