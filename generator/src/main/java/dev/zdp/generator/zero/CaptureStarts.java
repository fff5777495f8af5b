package dev.zdp.generator.zero;

import dev.zdp.generator.plan.Block;
import dev.zdp.generator.plan.Callout;
import dev.zdp.generator.plan.Callout.Kind;
import dev.zdp.model.platform.zero.ZeroNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a table's capture starts, read from a source connector's {@code table.include.list}: a new
 * connector reads every table's existing rows in its initial snapshot; a table added to a running
 * connector gets them from an incremental snapshot that the deploy asks for (docs/generator.md,
 * <i>Tables added to a running capture</i>).
 */
final class CaptureStarts {
  private static final String INCLUDE_LIST = "config[\"table.include.list\"]";
  private static final String SLOT = "config[\"slot.name\"]";

  private CaptureStarts() {}

  /** The tables a new source connector captures, each starting with the initial snapshot. */
  static List<Callout> ofNewConnector(Block after) {
    if (!isSource(after)) {
      return List.of();
    }
    List<Callout> callouts = new ArrayList<>();
    for (String table : tables(after.attributes())) {
      callouts.add(
          new Callout(
              Kind.INITIAL_SNAPSHOT,
              "capture of table '"
                  + table
                  + "' starts: existing rows are read by the new connector's initial snapshot"));
    }
    return callouts;
  }

  /**
   * The destructive callouts of a changed block, followed by one per table added to a running
   * source connector; none when the change already makes the source snapshot every table again.
   */
  static List<Callout> withChangeCallouts(Block before, Block after, List<Callout> callouts) {
    if (!isSource(before) || !isSource(after)) {
      return callouts;
    }
    boolean snapshotsAgain =
        callouts.stream()
            .anyMatch(c -> c.kind() == Kind.RESNAPSHOT || c.kind() == Kind.NEW_OFFSETS);
    if (snapshotsAgain) {
      return callouts;
    }
    Set<String> added = tables(after.attributes());
    added.removeAll(tables(before.attributes()));
    List<Callout> all = new ArrayList<>(callouts);
    for (String table : added) {
      all.add(
          new Callout(
              Kind.BACKFILL,
              "capture of table '"
                  + table
                  + "' starts: existing rows will be backfilled by an incremental snapshot"
                  + " (the deploy signals it through "
                  + ZeroNames.signalTable()
                  + "; no lock, the other tables are not read again)"));
    }
    return all;
  }

  private static boolean isSource(Block block) {
    return block.type().equals("kafka-connect_connector")
        && block.attributes().containsKey(SLOT)
        && block.attributes().containsKey(INCLUDE_LIST);
  }

  /** The captured tables, {@code schema.table}, in list order, without the signal table. */
  static Set<String> tables(Map<String, String> attributes) {
    Set<String> tables = new LinkedHashSet<>();
    for (String entry : TerraformReader.csv(attributes.get(INCLUDE_LIST))) {
      String table = entry.replaceAll("\\\\(.)", "$1");
      if (!table.equals(ZeroNames.signalTable())) {
        tables.add(table);
      }
    }
    return tables;
  }
}
