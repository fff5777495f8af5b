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

/** Prints a line whenever a staging or corpus table's row count changes. */
final class Arrivals {
  private final Sandbox sandbox;
  private final PrintStream out;
  private final Map<String, Long> seen = new HashMap<>();

  Arrivals(Sandbox sandbox, PrintStream out) {
    this.sandbox = sandbox;
    this.out = out;
  }

  /** Prints the staging tables whose counts changed; true when any did. */
  boolean staging(Model model) {
    return report(tables(model, true));
  }

  /** Prints the corpus tables whose counts changed; true when any has rows. */
  boolean corpus(Model model) {
    List<String> tables = tables(model, false);
    report(tables);
    return tables.stream().anyMatch(t -> seen.getOrDefault(t, 0L) > 0);
  }

  /** True when every staging table of the model has at least one row. */
  boolean everyStagingTableHasRows(Model model) {
    return tables(model, true).stream().allMatch(t -> seen.getOrDefault(t, 0L) > 0);
  }

  private boolean report(List<String> tables) {
    boolean changed = false;
    try (IcebergTables iceberg = new IcebergTables(sandbox)) {
      for (String table : tables) {
        Optional<Long> rows = iceberg.rows(table);
        if (rows.isEmpty()) {
          continue;
        }
        long before = seen.getOrDefault(table, 0L);
        seen.put(table, rows.get());
        if (before != rows.get()) {
          long delta = rows.get() - before;
          out.printf("  %-45s %6d rows (%s%d)%n", table, rows.get(), delta >= 0 ? "+" : "", delta);
          changed = true;
        }
      }
    } catch (RuntimeException e) {
      out.println("  cannot read the tables yet: " + e.getMessage());
    }
    return changed;
  }

  private static List<String> tables(Model model, boolean staging) {
    List<String> names = new ArrayList<>();
    for (PlatformIntentions platform : Deployment.platforms(model)) {
      for (IngestedDatastore datastore : platform.datastores()) {
        for (IngestedDataset dataset : datastore.datasets()) {
          if (staging) {
            names.add(
                ZeroNames.stagingTable(
                        platform.platform(), datastore.datastore(), dataset.dataset())
                    .qualified());
          } else {
            names.add(
                ZeroNames.liveTable(platform.platform(), datastore.datastore(), dataset.dataset())
                    .qualified());
            if (dataset.forensic()) {
              names.add(
                  ZeroNames.forensicTable(
                          platform.platform(), datastore.datastore(), dataset.dataset())
                      .qualified());
            }
          }
        }
      }
    }
    return names;
  }
}
