package dev.zdp.sandbox.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL file into statements at the semicolons that end them: not those inside quotes,
 * back-quoted identifiers or comments, nor those inside a SQL script's compound statement ({@code
 * BEGIN ... END}, e.g. the schema evolution's {@code BEGIN DECLARE EXIT HANDLER FOR
 * FIELD_ALREADY_EXISTS BEGIN END; ALTER TABLE ... ADD COLUMN ...; END}), which is one statement.
 */
public final class SqlScript {
  private SqlScript() {}

  /** The file's statements, trimmed, without empty ones and without their semicolons. */
  public static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = closing(script, i, c);
        current.append(script, i, end);
        i = end;
      } else if (script.startsWith("--", i)) {
        int end = script.indexOf('\n', i);
        i = end < 0 ? script.length() : end;
      } else if (script.startsWith("/*", i)) {
        int end = script.indexOf("*/", i + 2);
        i = end < 0 ? script.length() : end + 2;
        current.append(' ');
      } else if (Character.isLetter(c) && (i == 0 || !isWordPart(script.charAt(i - 1)))) {
        int end = i;
        while (end < script.length() && isWordPart(script.charAt(end))) {
          end++;
        }
        String word = script.substring(i, end);
        if (word.equalsIgnoreCase("BEGIN")) {
          depth++;
        } else if (word.equalsIgnoreCase("END") && depth > 0 && !endsAnotherBlock(script, end)) {
          depth--;
        }
        current.append(word);
        i = end;
      } else if (c == ';' && depth == 0) {
        add(statements, current);
        current.setLength(0);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(statements, current);
    return statements;
  }

  /**
   * A MERGE job file that is one SQL script ({@code BEGIN ... END}) without its schema evolution:
   * the script's own statements except the {@code ALTER TABLE}s and the {@code BEGIN ... END}
   * blocks that add a column, as one script again. What is left creates the tables when missing and
   * folds staging into the corpus. Empty when {@code script} is not one script.
   *
   * <p>The evolution brings the tables to the file's columns and is idempotent, so once a file ran
   * through, running it again without it changes nothing until the file changes (an apply of a
   * changed model), and saves a catalog round trip or two per column and run.
   */
  public static java.util.Optional<String> withoutEvolution(String script) {
    List<String> whole = statements(script);
    if (whole.size() != 1) {
      return java.util.Optional.empty();
    }
    String only = whole.get(0);
    String upper = only.toUpperCase(java.util.Locale.ROOT);
    if (!upper.startsWith("BEGIN") || !upper.endsWith("END")) {
      return java.util.Optional.empty();
    }
    List<String> inner =
        statements(only.substring("BEGIN".length(), only.length() - "END".length()));
    List<String> kept = new ArrayList<>();
    for (String statement : inner) {
      String head = statement.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
      if (!head.startsWith("ALTER TABLE ")
          && !head.startsWith("BEGIN DECLARE EXIT HANDLER FOR FIELD_ALREADY_EXISTS")) {
        kept.add(statement);
      }
    }
    return java.util.Optional.of("BEGIN\n" + String.join(";\n", kept) + ";\nEND");
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** True when the {@code END} ending at {@code end} is {@code END IF}, {@code END WHILE}... */
  private static boolean endsAnotherBlock(String script, int end) {
    int i = end;
    while (i < script.length() && Character.isWhitespace(script.charAt(i))) {
      i++;
    }
    int wordEnd = i;
    while (wordEnd < script.length() && isWordPart(script.charAt(wordEnd))) {
      wordEnd++;
    }
    String next = script.substring(i, wordEnd).toUpperCase(java.util.Locale.ROOT);
    return List.of("IF", "WHILE", "FOR", "LOOP", "REPEAT", "CASE").contains(next);
  }

  /** Index just past the quote closing the one at {@code start}; a doubled quote escapes it. */
  private static int closing(String script, int start, char quote) {
    int i = start + 1;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '\\' && quote != '`') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return script.length();
  }

  private static void add(List<String> statements, StringBuilder text) {
    String statement = text.toString().strip();
    if (!statement.isEmpty()) {
      statements.add(statement);
    }
  }
}
