package dev.zdp.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a node of the model was written: a file relative to the model root (always with {@code /}
 * separators), and a 1-based line and column.
 */
public record SourceLocation(String file, int line, int column)
    implements Comparable<SourceLocation> {

  private static final Comparator<SourceLocation> ORDER =
      Comparator.comparing(SourceLocation::file)
          .thenComparingInt(SourceLocation::line)
          .thenComparingInt(SourceLocation::column);

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException(
          "line and column are 1-based, got " + line + ":" + column + " in " + file);
    }
  }

  /** The location of a whole file, when nothing more precise is known. */
  public static SourceLocation fileStart(String file) {
    return new SourceLocation(file, 1, 1);
  }

  @Override
  public int compareTo(SourceLocation other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
