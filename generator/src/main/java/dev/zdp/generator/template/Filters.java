package dev.zdp.generator.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The filters templates quote values with, one per target language. */
public final class Filters {

  private Filters() {}

  /** The quoting filters by name, for Jinjava ({@link #all}) and Pebble ({@link BuiltIns}). */
  static final Map<String, Quoting> QUOTING =
      Map.of(
          "hcl", Filters::hcl,
          "sql_ident", Filters::sqlIdent,
          "sql_string", Filters::sqlString,
          "py", Filters::python,
          "comment", Filters::comment);

  static List<Filter> all() {
    return QUOTING.entrySet().stream()
        .map(e -> (Filter) new QuotingFilter(e.getKey(), e.getValue()))
        .toList();
  }

  /** An HCL literal: strings quoted and escaped (also {@code ${} and {@code %{}), lists as tuples. */
  static String hcl(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(Filters::hcl).collect(Collectors.joining(", ", "[", "]"));
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean template =
          (c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{';
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (template) {
            out.append(c).append(c);
          } else if (Character.isSurrogate(c)) {
            i = appendSurrogate(text, i, out, "\\U%08X");
          } else if (invisible(c)) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * True for a character that changes how text reads or parses without being seen: control
   * characters (C0, DEL, C1), format characters (bidirectional overrides, zero-width joiners), line
   * and paragraph separators. Every filter writes these as escapes.
   */
  static boolean invisible(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.UNASSIGNED && c > 0xFFFF
        || type == Character.PRIVATE_USE;
  }

  /**
   * Appends the code point starting at {@code i} (a surrogate): a pair as itself, or as {@code
   * format} when invisible; a lone surrogate, which no UTF-8 file can hold, as U+FFFD. Returns the
   * index of the last char consumed.
   */
  private static int appendSurrogate(String text, int i, StringBuilder out, String format) {
    int codePoint = text.codePointAt(i);
    if (Character.isSupplementaryCodePoint(codePoint)) {
      if (invisible(codePoint)) {
        out.append(String.format(format, codePoint));
      } else {
        out.appendCodePoint(codePoint);
      }
      return i + 1;
    }
    out.append('\uFFFD');
    return i;
  }

  /**
   * A Spark SQL identifier, back-quoted: what {@code |sql_ident} makes of a value, for contexts
   * that hand templates names already quoted.
   */
  public static String sqlIdent(Object value) {
    return "`" + String.valueOf(value).replace("`", "``") + "`";
  }

  static String sqlString(Object value) {
    return "'" + String.valueOf(value).replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /**
   * A Python string literal: quotes, backslashes, line ends, NUL and every other invisible
   * character escaped, so the file compiles and the value stays data; a lone surrogate as its
   * {@code \\u} escape.
   */
  static String python(Object value) {
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = String.valueOf(value);
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isSurrogate(c)) {
            int codePoint = text.codePointAt(i);
            if (Character.isSupplementaryCodePoint(codePoint)) {
              if (invisible(codePoint)) {
                out.append(String.format("\\U%08x", codePoint));
              } else {
                out.appendCodePoint(codePoint);
              }
              i++;
            } else {
              out.append(String.format("\\u%04x", (int) c));
            }
          } else if (invisible(c)) {
            out.append(
                c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Text for a line comment ({@code #} in HCL and Python, {@code --} in SQL): every invisible
   * character (line ends first) written as a {@code \\uXXXX} escape so the value cannot end the
   * comment; a backslash at its end too (a Spark SQL comment ending in one runs on into the next
   * line); and {@code coding:} broken up (Python reads an encoding from the first two lines'
   * comments).
   */
  static String comment(Object value) {
    String text =
        value instanceof Collection<?> items
            ? items.stream().map(String::valueOf).collect(Collectors.joining(", "))
            : String.valueOf(value);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        i = appendSurrogate(text, i, out, "\\U%08X");
      } else if (invisible(c) || c == '\\' && i == text.length() - 1) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString().replace("coding:", "coding\\u003A").replace("coding=", "coding\\u003D");
  }

  interface Quoting {
    String quote(Object value);
  }

  /**
   * A filter that quotes its input and takes no arguments: what {@link DirectFilterCalls} calls
   * without reflection.
   */
  static final class QuotingFilter implements Filter {
    private final String name;
    private final Quoting quoting;

    private QuotingFilter(String name, Quoting quoting) {
      this.name = name;
      this.quoting = quoting;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
      return quoting.quote(var);
    }

    String quote(Object value) {
      return quoting.quote(value);
    }
  }
}
