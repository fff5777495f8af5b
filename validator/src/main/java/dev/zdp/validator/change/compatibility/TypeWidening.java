package dev.zdp.validator.change.compatibility;

import dev.zdp.model.ColumnType;
import dev.zdp.model.ColumnType.Base;

/**
 * Which logical column type changes keep every existing value readable, the same way. A widening
 * keeps every value; a narrowing is the reverse of a widening; anything else is a change.
 *
 * <p>Widenings: {@code smallint → integer → bigint}; an integer to a {@code decimal} with room for
 * all its digits left of the point ({@code smallint} 5, {@code integer} 10, {@code bigint} 19);
 * {@code real → double}; {@code decimal(p,s) → decimal(p',s')} with {@code s' ≥ s} and {@code p'-s'
 * ≥ p-s}; {@code char(n) → char(m)} or {@code varchar(m)} with {@code m ≥ n}; {@code varchar(n) →
 * varchar(m ≥ n)}; {@code char} or {@code varchar → text}.
 */
public final class TypeWidening {

  /** How a type change affects consumers. */
  public enum Verdict {
    SAME,
    WIDENED,
    NARROWED,
    CHANGED
  }

  private TypeWidening() {}

  public static Verdict classify(ColumnType from, ColumnType to) {
    if (from.equals(to)) {
      return Verdict.SAME;
    }
    if (widens(from, to)) {
      return Verdict.WIDENED;
    }
    if (widens(to, from)) {
      return Verdict.NARROWED;
    }
    return Verdict.CHANGED;
  }

  private static boolean widens(ColumnType from, ColumnType to) {
    Base a = from.base();
    Base b = to.base();
    if (from.isInteger() && to.isInteger()) {
      return rank(a) < rank(b);
    }
    if (from.isInteger() && b == Base.DECIMAL) {
      return to.size() - to.scale() >= integerDigits(a);
    }
    if (a == Base.REAL && b == Base.DOUBLE) {
      return true;
    }
    if (a == Base.DECIMAL && b == Base.DECIMAL) {
      return to.scale() >= from.scale() && to.size() - to.scale() >= from.size() - from.scale();
    }
    if (a == Base.CHAR && (b == Base.CHAR || b == Base.VARCHAR)) {
      return to.size() >= from.size();
    }
    if (a == Base.VARCHAR && b == Base.VARCHAR) {
      return to.size() >= from.size();
    }
    return (a == Base.CHAR || a == Base.VARCHAR) && b == Base.TEXT;
  }

  private static int rank(Base integer) {
    return switch (integer) {
      case SMALLINT -> 1;
      case INTEGER -> 2;
      case BIGINT -> 3;
      default -> throw new IllegalArgumentException(integer + " is not an integer type");
    };
  }

  /** Decimal digits needed to hold every value of an integer type. */
  private static int integerDigits(Base integer) {
    return switch (integer) {
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT -> 19;
      default -> throw new IllegalArgumentException(integer + " is not an integer type");
    };
  }
}
