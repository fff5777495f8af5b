package dev.zdp.validator.change;

import dev.zdp.model.Column;
import dev.zdp.model.Dataset;
import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.platform.Consumer;
import java.util.List;

/**
 * A consumed dataset as it is in the base and as it is in the head (possibly unchanged), with the
 * sinks that consume it and its columns that differ, computed once.
 */
public record DatasetChange(
    String datastore,
    Dataset before,
    Dataset after,
    List<Consumer> consumers,
    List<ColumnChange> columns) {

  public DatasetChange {
    consumers = List.copyOf(consumers);
    columns = List.copyOf(columns);
  }

  /** The change, with its columns compared once here. */
  public DatasetChange(String datastore, Dataset before, Dataset after, List<Consumer> consumers) {
    this(datastore, before, after, consumers, ColumnChange.between(before, after));
  }

  /** {@code crm.customers}, as sinks name it. */
  public String qualifiedName() {
    return datastore + "." + after.name();
  }

  /** {@code Datastore/crm/datasets[customers]}. */
  public ObjectPath path() {
    return ObjectPath.of(Kind.DATASTORE, datastore).item("datasets", after.name());
  }

  /** {@code Datastore/crm/datasets[customers]/columns[email]}. */
  public ObjectPath columnPath(String column) {
    return path().item("columns", column);
  }

  /** The primary key's column names in the base, in order. */
  public List<String> keyBefore() {
    return before.primaryKey().stream().map(Column::name).toList();
  }

  /** The primary key's column names in the head, in order. */
  public List<String> keyAfter() {
    return after.primaryKey().stream().map(Column::name).toList();
  }

  /** True when the primary key's columns (names, in order) differ between base and head. */
  public boolean keyChanged() {
    return !keyBefore().equals(keyAfter());
  }

  /** {@code workspace 'churn' (team analytics)}: whom a breaking change to it breaks. */
  public String consumersDescribed() {
    return Consumers.describe(consumers);
  }
}
