package dev.zdp.model;

import java.util.Objects;

/**
 * One named thing as it was written: a document's top-level object, or a named element of a list (a
 * dataset, a column, a zone declaration…). A model keeps every definition, duplicates included, so
 * rules about uniqueness can point at each copy.
 *
 * <p>A value class rather than a record because a large model has a million of them (one per
 * column): it keeps its location's parts and makes the {@link SourceLocation} when asked. A model
 * holds them packed ({@link Definitions}) and makes each when it is read.
 */
public final class Definition {

  private final ObjectPath path;
  private final String file;
  private final int line;
  private final int column;

  public Definition(ObjectPath path, SourceLocation location) {
    this(path, location.file(), location.line(), location.column());
  }

  /** A definition {@link Definitions} unpacks: its parts come from a checked location. */
  Definition(ObjectPath path, String file, int line, int column) {
    this.path = Objects.requireNonNull(path, "path");
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.column = column;
  }

  public ObjectPath path() {
    return path;
  }

  public SourceLocation location() {
    return new SourceLocation(file, line, column);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Definition d
        && path.equals(d.path)
        && file.equals(d.file)
        && line == d.line
        && column == d.column;
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, file, line, column);
  }

  @Override
  public String toString() {
    return "Definition[path=" + path + ", location=" + location() + "]";
  }
}
