package dev.zdp.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table a datastore publishes.
 *
 * @param table the source table as {@code schema.table}; {@code public.<name>} when not written
 * @param classifications the data classifications, empty when unclassified
 * @param freshness how stale its corpus table may be (the freshness objective its producer
 *     declares), when declared
 */
public record Dataset(
    String name,
    String table,
    String description,
    List<String> classifications,
    boolean deprecated,
    List<Column> columns,
    Optional<Duration> freshness) {

  public Dataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(description, "description");
    classifications = List.copyOf(classifications);
    columns = List.copyOf(columns);
    Objects.requireNonNull(freshness, "freshness");
  }

  /** A dataset without a freshness objective of its own. */
  public Dataset(
      String name,
      String table,
      String description,
      List<String> classifications,
      boolean deprecated,
      List<Column> columns) {
    this(name, table, description, classifications, deprecated, columns, Optional.empty());
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** The primary key columns in the order they are written. */
  public List<Column> primaryKey() {
    return columns.stream().filter(Column::primaryKey).toList();
  }

  /** The database schema part of {@link #table()}. */
  public String tableSchema() {
    int dot = table.indexOf('.');
    return dot < 0 ? "public" : table.substring(0, dot);
  }

  /** The table name part of {@link #table()}. */
  public String tableName() {
    int dot = table.indexOf('.');
    return dot < 0 ? table : table.substring(dot + 1);
  }
}
