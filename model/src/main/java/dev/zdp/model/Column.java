package dev.zdp.model;

import java.util.Objects;

/** A column of a dataset. Columns are nullable unless written {@code nullable: false}. */
public record Column(
    String name, ColumnType type, boolean nullable, boolean primaryKey, String description) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
  }
}
