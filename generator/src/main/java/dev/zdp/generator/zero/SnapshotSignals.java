package dev.zdp.generator.zero;

import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which incremental snapshots a deploy asks for: the tables a change adds to a running capture (the
 * same source connector, slot, publication and topic prefix before and after; a new or re-snapshot
 * capture reads every table's rows by itself), or one dataset re-snapshot on demand.
 */
public final class SnapshotSignals {

  private SnapshotSignals() {}

  /**
   * One signal per datastore of a Zero platform whose running capture gains tables from {@code
   * base} to {@code head}, sorted by platform and datastore.
   *
   * @param key what sets this deploy apart (the head commit): a table added, removed and added
   *     again by a later commit is snapshotted again, while the same deploy sent twice is not
   */
  public static List<SnapshotSignal> forAddedTables(Model base, Model head, String key) {
    IntentionGraph before = IntentionGraph.of(base);
    List<SnapshotSignal> signals = new ArrayList<>();
    for (PlatformIntentions platform : IntentionGraph.of(head).platformsOfType(Platform.ZERO)) {
      Optional<PlatformIntentions> was =
          before.platform(platform.name()).filter(p -> p.platform().type().equals(Platform.ZERO));
      if (was.isEmpty()) {
        continue;
      }
      for (IngestedDatastore store : platform.datastores()) {
        Optional<IngestedDatastore> running = was.get().datastore(store.name());
        if (running.isEmpty()
            || !sameCapture(was.get().platform(), running.get(), platform.platform(), store)) {
          continue;
        }
        SortedSet<String> added = tables(store);
        added.removeAll(tables(running.get()));
        if (!added.isEmpty()) {
          List<String> tables = List.copyOf(added);
          signals.add(
              new SnapshotSignal(
                  platform.platform(),
                  store.datastore(),
                  tables,
                  id(platform.name(), store.name(), tables, "added " + key),
                  "capture starts"));
        }
      }
    }
    return signals;
  }

  /**
   * A re-snapshot of one dataset's table, asked for on demand.
   *
   * @param key what sets this request apart (a ticket, a date): the same key twice snapshots once
   * @throws IllegalArgumentException when no Zero platform ingests the dataset, with what to fix
   */
  public static SnapshotSignal forDataset(
      Model model, String datastore, String dataset, String key) {
    List<String> known = new ArrayList<>();
    for (PlatformIntentions platform : IntentionGraph.of(model).platformsOfType(Platform.ZERO)) {
      for (IngestedDatastore store : platform.datastores()) {
        for (IngestedDataset ingested : store.datasets()) {
          known.add(store.name() + "." + ingested.dataset().name());
          if (store.name().equals(datastore) && ingested.dataset().name().equals(dataset)) {
            List<String> tables = List.of(table(ingested.dataset()));
            return new SnapshotSignal(
                platform.platform(),
                store.datastore(),
                tables,
                id(platform.name(), store.name(), tables, "resnapshot " + key),
                "re-snapshot " + key);
          }
        }
      }
    }
    throw new IllegalArgumentException(
        "No Zero platform ingests dataset '"
            + datastore
            + "."
            + dataset
            + "': only a dataset some workspace sinks is captured"
            + (known.isEmpty()
                ? ""
                : " (captured: " + String.join(", ", known.stream().sorted().toList()) + ")"));
  }

  private static boolean sameCapture(
      Platform beforePlatform,
      IngestedDatastore before,
      Platform afterPlatform,
      IngestedDatastore after) {
    Datastore was = before.datastore();
    Datastore is = after.datastore();
    return ZeroNames.sourceConnector(beforePlatform, was)
            .equals(ZeroNames.sourceConnector(afterPlatform, is))
        && ZeroNames.slotName(beforePlatform, was).equals(ZeroNames.slotName(afterPlatform, is))
        && ZeroNames.publicationName(beforePlatform, was)
            .equals(ZeroNames.publicationName(afterPlatform, is))
        && ZeroNames.topicPrefix(beforePlatform, was)
            .equals(ZeroNames.topicPrefix(afterPlatform, is))
        && Objects.equals(was.capture().host(), is.capture().host())
        && was.capture().port() == is.capture().port()
        && Objects.equals(was.capture().database(), is.capture().database());
  }

  private static SortedSet<String> tables(IngestedDatastore store) {
    SortedSet<String> tables = new TreeSet<>();
    store.datasets().forEach(d -> tables.add(table(d.dataset())));
    return tables;
  }

  private static String table(Dataset dataset) {
    return dataset.tableSchema() + "." + dataset.tableName();
  }

  /** {@code zdp-} and 24 hex digits of the SHA-256 of what the signal is for. */
  static String id(String platform, String datastore, List<String> tables, String key) {
    String what = platform + "\n" + datastore + "\n" + String.join("\n", tables) + "\n" + key;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(what.getBytes(StandardCharsets.UTF_8));
      return "zdp-" + HexFormat.of().formatHex(digest).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
