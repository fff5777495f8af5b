package dev.zdp.model;

import java.util.Objects;

/**
 * One named thing as it was written: a document's top-level object, or a named element of a list (a
 * dataset, a column, a zone declaration…). A model keeps every definition, duplicates included, so
 * rules about uniqueness can point at each copy.
 */
public record Definition(ObjectPath path, SourceLocation location) {
  public Definition {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
  }
}
