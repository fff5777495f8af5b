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
