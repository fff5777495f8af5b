package dev.zdp.generator.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** The filters templates quote values with, one per target language. */
public final class Filters {

  private Filters() {}

  static List<Filter> all() {
    return List.of(
        filter("hcl", Filters::hcl),
        filter("sql_ident", Filters::sqlIdent),
        filter("sql_string", Filters::sqlString),
        filter("py", Filters::python));
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
        default -> out.append(template ? String.valueOf(c) + c : String.valueOf(c));
      }
    }
    return out.append('"').toString();
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

  static String python(Object value) {
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String text = String.valueOf(value);
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private interface Quoting {
    String quote(Object value);
  }

  private static Filter filter(String name, Quoting quoting) {
    return new QuotingFilter(name, quoting);
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
