package dev.zdp.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logical column type: one of {@code boolean, smallint, integer, bigint, real, double,
 * decimal(p,s), char(n), varchar(n), text, date, time, timestamp, timestamptz, bytea, uuid, json}.
 *
 * @param size the length of {@code char}/{@code varchar} or the precision of {@code decimal}; 0 for
 *     the others
 * @param scale the scale of {@code decimal}; 0 for the others
 */
public record ColumnType(Base base, int size, int scale) {

  /** The type names the model knows. */
  public enum Base {
    BOOLEAN("boolean", Params.NONE),
    SMALLINT("smallint", Params.NONE),
    INTEGER("integer", Params.NONE),
    BIGINT("bigint", Params.NONE),
    REAL("real", Params.NONE),
    DOUBLE("double", Params.NONE),
    DECIMAL("decimal", Params.PRECISION_SCALE),
    CHAR("char", Params.LENGTH),
    VARCHAR("varchar", Params.LENGTH),
    TEXT("text", Params.NONE),
    DATE("date", Params.NONE),
    TIME("time", Params.NONE),
    TIMESTAMP("timestamp", Params.NONE),
    TIMESTAMPTZ("timestamptz", Params.NONE),
    BYTEA("bytea", Params.NONE),
    UUID("uuid", Params.NONE),
    JSON("json", Params.NONE);

    private final String spelling;
    private final Params params;

    Base(String spelling, Params params) {
      this.spelling = spelling;
      this.params = params;
    }

    public String spelling() {
      return spelling;
    }

    /** How the type is written, with its parameters as placeholders: {@code decimal(p,s)}. */
    public String pattern() {
      return switch (params) {
        case NONE -> spelling;
        case LENGTH -> spelling + "(n)";
        case PRECISION_SCALE -> spelling + "(p,s)";
      };
    }

    static Optional<Base> named(String name) {
      return Arrays.stream(values()).filter(b -> b.spelling.equals(name)).findFirst();
    }
  }

  private enum Params {
    NONE,
    LENGTH,
    PRECISION_SCALE
  }

  /** The largest length PostgreSQL accepts for {@code char(n)} and {@code varchar(n)}. */
  public static final int MAX_LENGTH = 10_485_760;

  /** The largest precision PostgreSQL accepts for {@code decimal(p,s)}. */
  public static final int MAX_PRECISION = 1000;

  private static final Pattern SHAPE =
      Pattern.compile("([a-z]+)\\s*(?:\\(\\s*(\\d{1,9})\\s*(?:,\\s*(\\d{1,9})\\s*)?\\))?");

  public ColumnType {
    Objects.requireNonNull(base, "base");
    Optional<String> problem = problemWith(base, size, scale);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  public static ColumnType of(Base base) {
    return new ColumnType(base, 0, 0);
  }

  public static ColumnType decimal(int precision, int scale) {
    return new ColumnType(Base.DECIMAL, precision, scale);
  }

  public static ColumnType varchar(int length) {
    return new ColumnType(Base.VARCHAR, length, 0);
  }

  public static ColumnType character(int length) {
    return new ColumnType(Base.CHAR, length, 0);
  }

  /** The outcome of reading a type: the type, or why the text is not one. */
  public record Parsed(Optional<ColumnType> type, Optional<String> problem) {}

  /**
   * Reads a type as written in the model. Case and spaces inside the parentheses are forgiven;
   * everything else that is not one of the known types is a problem with a suggestion.
   */
  public static Parsed parse(String text) {
    String normalized = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHAPE.matcher(normalized);
    if (!m.matches()) {
      return failed("'" + text + "' is not a column type; " + known());
    }
    Optional<Base> base = Base.named(m.group(1));
    if (base.isEmpty()) {
      return failed("unknown column type '" + text + "'; " + suggestionFor(m.group(1)));
    }
    Base b = base.get();
    boolean hasFirst = m.group(2) != null;
    boolean hasSecond = m.group(3) != null;
    int size;
    int scale = 0;
    switch (b.params) {
      case NONE -> {
        if (hasFirst) {
          return failed("type '" + b.spelling + "' takes no parameters; write " + b.spelling);
        }
        size = 0;
      }
      case LENGTH -> {
        if (!hasFirst || hasSecond) {
          String hint = b == Base.VARCHAR ? " (or text, for no limit)" : "";
          return failed("type '" + text + "' needs one length: write " + b.pattern() + hint);
        }
        size = Integer.parseInt(m.group(2));
      }
      case PRECISION_SCALE -> {
        if (!hasFirst) {
          return failed("type '" + text + "' needs a precision and scale: write decimal(p,s)");
        }
        size = Integer.parseInt(m.group(2));
        scale = hasSecond ? Integer.parseInt(m.group(3)) : 0;
      }
      default -> throw new IllegalStateException(b.params.toString());
    }
    Optional<String> problem = problemWith(b, size, scale);
    if (problem.isPresent()) {
      return failed("type '" + text + "': " + problem.get());
    }
    return new Parsed(Optional.of(new ColumnType(b, size, scale)), Optional.empty());
  }

  private static Parsed failed(String problem) {
    return new Parsed(Optional.empty(), Optional.of(problem));
  }

  private static Optional<String> problemWith(Base base, int size, int scale) {
    return switch (base.params) {
      case NONE ->
          size == 0 && scale == 0
              ? Optional.empty()
              : Optional.of(base.spelling + " takes no parameters");
      case LENGTH ->
          size >= 1 && size <= MAX_LENGTH && scale == 0
              ? Optional.empty()
              : Optional.of("the length must be between 1 and " + MAX_LENGTH);
      case PRECISION_SCALE -> {
        if (size < 1 || size > MAX_PRECISION) {
          yield Optional.of("the precision must be between 1 and " + MAX_PRECISION);
        }
        if (scale < 0 || scale > size) {
          yield Optional.of("the scale must be between 0 and the precision (" + size + ")");
        }
        yield Optional.empty();
      }
    };
  }

  private static String suggestionFor(String name) {
    String alias =
        switch (name) {
          case "int", "int4" -> "integer";
          case "int2" -> "smallint";
          case "int8", "long" -> "bigint";
          case "float4", "float" -> "real";
          case "float8", "double precision" -> "double";
          case "numeric" -> "decimal(p,s)";
          case "bool" -> "boolean";
          case "string" -> "text";
          case "character" -> "char(n)";
          case "jsonb" -> "json";
          case "datetime" -> "timestamp";
          case "bytes", "binary", "blob" -> "bytea";
          default -> null;
        };
    if (alias != null) {
      return "did you mean " + alias + "?";
    }
    Optional<String> nearest =
        Suggestions.nearest(name, Arrays.stream(Base.values()).map(Base::spelling).toList());
    return nearest
        .map(n -> "did you mean " + Base.named(n).orElseThrow().pattern() + "?")
        .orElse(known());
  }

  private static String known() {
    return "the known types are "
        + String.join(", ", Arrays.stream(Base.values()).map(Base::pattern).toList());
  }

  public boolean isInteger() {
    return base == Base.SMALLINT || base == Base.INTEGER || base == Base.BIGINT;
  }

  /** The canonical spelling, as it would be written in the model: {@code decimal(10,2)}. */
  @Override
  public String toString() {
    return switch (base.params) {
      case NONE -> base.spelling;
      case LENGTH -> base.spelling + "(" + size + ")";
      case PRECISION_SCALE -> base.spelling + "(" + size + "," + scale + ")";
    };
  }
}
