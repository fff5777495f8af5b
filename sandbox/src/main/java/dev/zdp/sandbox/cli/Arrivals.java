package dev.zdp.sandbox.cli;

import dev.zdp.model.Model;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroNames;
import dev.zdp.sandbox.Sandbox;
import dev.zdp.sandbox.apply.Deployment;
import dev.zdp.sandbox.apply.IcebergTables;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Prints a line whenever a staging or corpus table gets a new snapshot: its row count and what
 * arrived, by kind: {@code staging.crm__customers 4 rows (+2: 1 update, 1 delete)} as changes reach
 * staging, and for the corpus table the changes its MERGE took in (an update changes no count, so
 * it is the kinds that show it).
 */
final class Arrivals {
  private static final Map<String, String> KINDS =
      Map.of("c", "insert", "u", "update", "d", "delete", "r", "snapshot read");

  private final Sandbox sandbox;
  private final PrintStream out;
  private final Map<String, Long> rows = new HashMap<>();
  private final Map<String, Long> snapshots = new HashMap<>();

  /** Per staging table, the changes that reached it since its corpus tables last changed. */
  private final Map<String, SortedMap<String, Long>> unmerged = new HashMap<>();

  Arrivals(Sandbox sandbox, PrintStream out) {
    this.sandbox = sandbox;
    this.out = out;
  }

  /** A dataset's staging table and the corpus tables its MERGE jobs write. */
  private record Tables(String staging, List<String> corpus) {}

  /** Prints the staging tables that changed; true when any did. */
  boolean staging(Model model) {
    boolean changed = false;
    try (IcebergTables iceberg = new IcebergTables(sandbox)) {
      for (Tables tables : tables(model)) {
        Optional<Long> before = Optional.ofNullable(snapshots.get(tables.staging()));
        OptionalLong delta = advanced(iceberg, tables.staging());
        if (delta.isEmpty()) {
          continue;
        }
        SortedMap<String, Long> kinds = kinds(iceberg, tables.staging(), before);
        kinds.forEach(
            (kind, count) ->
                unmerged
                    .computeIfAbsent(tables.staging(), t -> new TreeMap<>())
                    .merge(kind, count, Long::sum));
        print(tables.staging(), delta.getAsLong(), kinds);
        changed = true;
      }
    } catch (RuntimeException e) {
      out.println("  cannot read the tables yet: " + e.getMessage());
    }
    return changed;
  }

  /** Prints the corpus tables that changed; true when any has rows. */
  boolean corpus(Model model) {
    boolean anyRows = false;
    try (IcebergTables iceberg = new IcebergTables(sandbox)) {
      for (Tables tables : tables(model)) {
        boolean merged = false;
        for (String corpus : tables.corpus()) {
          OptionalLong delta = advanced(iceberg, corpus);
          if (delta.isPresent()) {
            print(
                corpus,
                delta.getAsLong(),
                unmerged.getOrDefault(tables.staging(), new TreeMap<>()));
            merged = true;
          }
          anyRows |= rows.getOrDefault(corpus, 0L) > 0;
        }
        if (merged) {
          unmerged.remove(tables.staging());
        }
      }
    } catch (RuntimeException e) {
      out.println("  cannot read the tables yet: " + e.getMessage());
    }
    return anyRows;
  }

  /** True when every staging table of the model has at least one row. */
  boolean everyStagingTableHasRows(Model model) {
    return tables(model).stream().allMatch(t -> rows.getOrDefault(t.staging(), 0L) > 0);
  }

  /**
   * The change of the table's row count when it has a snapshot it had not at the last look; empty
   * when it has none.
   */
  private OptionalLong advanced(IcebergTables iceberg, String table) {
    Optional<Long> snapshot = iceberg.snapshot(table);
    if (snapshot.isEmpty() || snapshot.get().equals(snapshots.get(table))) {
      return OptionalLong.empty();
    }
    snapshots.put(table, snapshot.get());
    long now = iceberg.rows(table).orElse(0L);
    Long before = rows.put(table, now);
    return OptionalLong.of(now - (before == null ? 0 : before));
  }

  /** The kinds of the changes appended to a staging table since {@code before}, by kind. */
  private static SortedMap<String, Long> kinds(
      IcebergTables iceberg, String staging, Optional<Long> before) {
    SortedMap<String, Long> kinds = new TreeMap<>();
    iceberg
        .countAppended(staging, before, ZeroNames.STAGING_OP)
        .forEach((op, count) -> kinds.merge(KINDS.getOrDefault(op, op), count, Long::sum));
    return kinds;
  }

  private void print(String table, long delta, SortedMap<String, Long> kinds) {
    long now = rows.getOrDefault(table, 0L);
    List<String> parts = new ArrayList<>();
    kinds.forEach((kind, count) -> parts.add(count + " " + kind + (count == 1 ? "" : "s")));
    out.printf(
        "  %-45s %6d rows (%s%d%s)%n",
        table,
        now,
        delta >= 0 ? "+" : "",
        delta,
        parts.isEmpty() ? "" : ": " + String.join(", ", parts));
  }

  private static List<Tables> tables(Model model) {
    List<Tables> all = new ArrayList<>();
    for (PlatformIntentions platform : Deployment.platforms(model)) {
      for (IngestedDatastore datastore : platform.datastores()) {
        for (IngestedDataset dataset : datastore.datasets()) {
          List<String> corpus = new ArrayList<>();
          corpus.add(
              ZeroNames.liveTable(platform.platform(), datastore.datastore(), dataset.dataset())
                  .qualified());
          if (dataset.forensic()) {
            corpus.add(
                ZeroNames.forensicTable(
                        platform.platform(), datastore.datastore(), dataset.dataset())
                    .qualified());
          }
          all.add(
              new Tables(
                  ZeroNames.stagingTable(
                          platform.platform(), datastore.datastore(), dataset.dataset())
                      .qualified(),
                  corpus));
        }
      }
    }
    return all;
  }
}
