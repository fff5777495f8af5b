package dev.zdp.sandbox.apply;

import dev.zdp.sandbox.Sandbox;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The sandbox's Iceberg tables as a reader sees them: whether they exist, how many rows, which
 * changes arrived.
 */
public final class IcebergTables implements AutoCloseable {
  private final Catalog catalog;

  public IcebergTables(Sandbox sandbox) {
    this.catalog =
        CatalogUtil.buildIcebergCatalog(Sandbox.CATALOG_NAME, sandbox.catalogProperties(), null);
  }

  /** Creates the namespace unless it exists; true when it was created. */
  public boolean ensureNamespace(String namespace) {
    SupportsNamespaces namespaces = (SupportsNamespaces) catalog;
    Namespace name = Namespace.of(namespace);
    if (namespaces.namespaceExists(name)) {
      return false;
    }
    try {
      namespaces.createNamespace(name);
      return true;
    } catch (AlreadyExistsException createdMeanwhile) {
      return false;
    }
  }

  /** Whether {@code namespace.table} exists. */
  public boolean exists(String qualifiedName) {
    return catalog.tableExists(TableIdentifier.parse(qualifiedName));
  }

  /**
   * The table's row count from its current snapshot's summary (records minus deleted ones); empty
   * when the table does not exist yet.
   */
  public Optional<Long> rows(String qualifiedName) {
    TableIdentifier identifier = TableIdentifier.parse(qualifiedName);
    if (!catalog.tableExists(identifier)) {
      return Optional.empty();
    }
    Table table = catalog.loadTable(identifier);
    Snapshot current = table.currentSnapshot();
    if (current == null) {
      return Optional.of(0L);
    }
    Map<String, String> summary = current.summary();
    return Optional.of(
        count(summary, "total-records")
            - count(summary, "total-position-deletes")
            - count(summary, "total-equality-deletes"));
  }

  /** The table's current snapshot id; empty when the table does not exist or has no snapshot. */
  public Optional<Long> snapshot(String qualifiedName) {
    TableIdentifier identifier = TableIdentifier.parse(qualifiedName);
    if (!catalog.tableExists(identifier)) {
      return Optional.empty();
    }
    return Optional.ofNullable(catalog.loadTable(identifier).currentSnapshot())
        .map(Snapshot::snapshotId);
  }

  /**
   * How many rows of each value of {@code column} the table's appends after snapshot {@code after}
   * (all of its rows when empty) hold, by value in value order: for a staging table and {@code
   * __op}, how many inserts, updates and deletes arrived.
   */
  public SortedMap<String, Long> countAppended(
      String qualifiedName, Optional<Long> after, String column) {
    Table table = catalog.loadTable(TableIdentifier.parse(qualifiedName));
    IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(table).select(column);
    if (after.isPresent()) {
      scan = scan.appendsAfter(after.get());
    }
    SortedMap<String, Long> counts = new TreeMap<>();
    try (CloseableIterable<Record> rows = scan.build()) {
      for (Record row : rows) {
        counts.merge(String.valueOf(row.getField(column)), 1L, Long::sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + qualifiedName, e);
    }
    return counts;
  }

  private static long count(Map<String, String> summary, String key) {
    return Long.parseLong(summary.getOrDefault(key, "0"));
  }

  @Override
  public void close() {
    if (catalog instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        // a reader's connection pool; nothing to keep
      }
    }
  }
}
