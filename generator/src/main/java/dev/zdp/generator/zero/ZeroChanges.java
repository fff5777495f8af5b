package dev.zdp.generator.zero;

import dev.zdp.generator.plan.Block;
import dev.zdp.generator.plan.Callout;
import dev.zdp.generator.plan.Callout.Kind;
import dev.zdp.generator.plan.PlatformChanges;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroLayout;
import dev.zdp.model.platform.zero.ZeroNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * What changing Zero's output does beyond itself, as Kafka, Kafka Connect and Debezium's PostgreSQL
 * connector behave: a topic deleted or re-created loses its retained changes, a renamed connector
 * starts without offsets, a changed slot, publication or topic prefix changes where capture
 * resumes, a removed source leaves its replication slot behind, a staging table or MERGE job stops
 * being maintained, and where each table's capture starts. Also which dataset a topic, and which
 * datastore or dataset a MERGE job or staging DDL, serves.
 */
public final class ZeroChanges implements PlatformChanges {

  private static final String TOPIC = "kafka_topic";
  private static final String CONNECTOR = "kafka-connect_connector";
  private static final String TABLES = "config[\"iceberg.tables\"]";

  @Override
  public String type() {
    return Platform.ZERO;
  }

  @Override
  public Sides read(
      SortedMap<String, byte[]> before, SortedMap<String, byte[]> after, Set<String> alike) {
    TerraformReader.Declarations declarations = new TerraformReader.Declarations();
    return new Sides(
        TerraformReader.readModule(before, alike, declarations),
        TerraformReader.readModule(after, alike, declarations));
  }

  @Override
  public List<Callout> added(Block after) {
    return CaptureStarts.ofNewConnector(after);
  }

  @Override
  public List<Callout> destroyed(Block before) {
    Map<String, String> a = before.attributes();
    List<Callout> callouts = new ArrayList<>();
    switch (before.type()) {
      case TOPIC ->
          callouts.add(
              new Callout(
                  Kind.TOPIC_RECREATED,
                  "topic '" + a.get("name") + "' is deleted, with the changes it retains"));
      case CONNECTOR -> {
        String slot = a.get("config[\"slot.name\"]");
        if (slot != null) {
          callouts.add(
              new Callout(
                  Kind.SLOT_ORPHANED,
                  "source connector '"
                      + a.get("name")
                      + "' is deleted; its replication slot '"
                      + slot
                      + "' stays in the database and holds WAL until you drop it"));
        }
        for (String table : TerraformReader.csv(a.get(TABLES))) {
          callouts.add(
              new Callout(
                  Kind.TABLE_DROPPED, "staging table '" + table + "' is no longer written"));
        }
      }
      default -> {}
    }
    return callouts;
  }

  @Override
  public List<Callout> changed(Block before, Block after) {
    return CaptureStarts.withChangeCallouts(before, after, destructive(before, after));
  }

  private static List<Callout> destructive(Block before, Block after) {
    Map<String, String> was = before.attributes();
    Map<String, String> is = after.attributes();
    List<Callout> callouts = new ArrayList<>();
    if (before.type().equals(TOPIC)) {
      if (!Objects.equals(was.get("name"), is.get("name"))) {
        callouts.add(
            new Callout(
                Kind.TOPIC_RECREATED,
                "topic renamed from '"
                    + was.get("name")
                    + "' to '"
                    + is.get("name")
                    + "': Terraform deletes and re-creates it, and its retained changes are lost"));
      }
      Optional<Long> partitionsWere = number(was.get("partitions"));
      Optional<Long> partitionsAre = number(is.get("partitions"));
      if (partitionsWere.isPresent()
          && partitionsAre.isPresent()
          && partitionsAre.get() < partitionsWere.get()) {
        callouts.add(
            new Callout(
                Kind.TOPIC_RECREATED,
                "partitions of topic '"
                    + is.get("name")
                    + "' lowered from "
                    + partitionsWere.get()
                    + " to "
                    + partitionsAre.get()
                    + ": Kafka cannot remove partitions, so the topic is re-created and its"
                    + " retained changes are lost"));
      }
      // A replication factor change is no callout: the kafka provider reassigns the replicas in
      // place (Kafka 2.4 and later); it re-creates the topic only on older clusters.
    }
    if (before.type().equals(CONNECTOR)) {
      if (!Objects.equals(was.get("name"), is.get("name"))) {
        callouts.add(
            new Callout(
                Kind.NEW_OFFSETS,
                "connector renamed from '"
                    + was.get("name")
                    + "' to '"
                    + is.get("name")
                    + "': the provider deletes the old connector and creates the new one;"
                    + " Connect keeps offsets by connector name, so it starts without them"
                    + " (a source snapshots again, a sink re-reads its topics from the start)"));
      }
      for (String key : List.of("slot.name", "publication.name", "topic.prefix")) {
        String attribute = "config[\"" + key + "\"]";
        if (was.containsKey(attribute) && !Objects.equals(was.get(attribute), is.get(attribute))) {
          callouts.add(
              new Callout(
                  Kind.RESNAPSHOT,
                  key
                      + " changed from '"
                      + was.get(attribute)
                      + "' to '"
                      + is.get(attribute)
                      + "': "
                      + captureChange(key)));
        }
      }
      Set<String> tablesAfter = new TreeSet<>(TerraformReader.csv(is.get(TABLES)));
      for (String table : TerraformReader.csv(was.get(TABLES))) {
        if (!tablesAfter.contains(table)) {
          callouts.add(
              new Callout(
                  Kind.TABLE_DROPPED, "staging table '" + table + "' is no longer written"));
        }
      }
    }
    return callouts;
  }

  /**
   * What a change of one of the source's capture settings does, as Debezium's PostgreSQL connector
   * behaves: its offsets are kept under the connector's name and {@code topic.prefix}, and it
   * snapshots only when it finds none.
   */
  private static String captureChange(String key) {
    return switch (key) {
      case "slot.name" ->
          "the connector keeps its offsets and streams from a new slot created when it restarts,"
              + " without a snapshot: changes committed between the old slot's last confirmed"
              + " position and the new slot's creation are never captured (re-snapshot the tables"
              + " to recover them); the old slot stays in the database, holding WAL until dropped";
      case "publication.name" ->
          "the connector keeps its slot and offsets, without a snapshot, and creates the new"
              + " publication when it restarts; changes committed before the publication existed"
              + " cannot be decoded through it: depending on the PostgreSQL version the connector"
              + " fails ('publication does not exist') or they are skipped, so re-snapshot the"
              + " tables after the change";
      default ->
          "the connector finds no offsets under the new prefix and snapshots every table again"
              + " into the new topics, then streams from its slot's last confirmed position: the"
              + " changes made in between arrive too, some twice (the MERGE jobs absorb"
              + " duplicates); the old topics keep what they hold until deleted";
    };
  }

  private static Optional<Long> number(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> datasetKey(Block block) {
    return block.type().equals(TOPIC)
        ? Optional.ofNullable(block.attributes().get("name"))
        : Optional.empty();
  }

  @Override
  public String datasetKey(
      PlatformIntentions platform, IngestedDatastore store, IngestedDataset dataset) {
    return ZeroNames.topic(platform.platform(), store.datastore(), dataset.dataset());
  }

  @Override
  public Optional<Serves> serves(String inPlatform) {
    Optional<ZeroLayout.MergeJob> job = ZeroLayout.readMergeJob(inPlatform);
    if (job.isPresent()) {
      return Optional.of(new Serves(job.get().datastore(), Optional.of(job.get().dataset())));
    }
    return ZeroLayout.readStagingDdl(inPlatform).map(store -> new Serves(store, Optional.empty()));
  }

  @Override
  public String fileType(String inPlatform) {
    return ZeroLayout.readMergeJob(inPlatform).isPresent() ? "merge job" : "file";
  }

  @Override
  public List<Callout> fileDestroyed(String path, String inPlatform) {
    if (ZeroLayout.readMergeJob(inPlatform).isEmpty()) {
      return List.of();
    }
    return List.of(
        new Callout(
            Kind.TABLE_DROPPED,
            "MERGE job '"
                + path
                + "' is removed: its corpus table is left in place but no longer maintained"));
  }
}
