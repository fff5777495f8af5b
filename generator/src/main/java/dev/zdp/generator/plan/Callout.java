package dev.zdp.generator.plan;

import java.util.Objects;

/**
 * A change with consequences beyond the resource itself: lost data, lost offsets, a re-snapshot.
 */
public record Callout(Kind kind, String message) {

  /** The kinds of destructive change a plan calls out. */
  public enum Kind {
    /** A topic is deleted or re-created: its retained changes are lost. */
    TOPIC_RECREATED("topic-recreated"),
    /** A connector gets a new name: Connect keeps offsets by name, so it starts over. */
    NEW_OFFSETS("new-offsets"),
    /** The replication slot, publication or topic prefix changes: the source snapshots again. */
    RESNAPSHOT("resnapshot"),
    /** A staging table stops being written or a corpus table stops being maintained. */
    TABLE_DROPPED("table-dropped"),
    /** A source connector goes away: its replication slot stays and holds WAL until dropped. */
    SLOT_ORPHANED("slot-orphaned"),
    /**
     * A resource moves between Terraform root modules (shards): destroyed in one, created in the
     * other.
     */
    MOVED_BETWEEN_MODULES("moved-between-modules"),
    /**
     * A table's capture starts in a running source connector: its existing rows are backfilled by
     * an incremental snapshot the deploy asks for. Not destructive.
     */
    BACKFILL("backfill", false),
    /**
     * A new source connector starts: its initial snapshot reads the existing rows of every table it
     * captures. Not destructive.
     */
    INITIAL_SNAPSHOT("initial-snapshot", false);

    private final String id;
    private final boolean destructive;

    Kind(String id) {
      this(id, true);
    }

    Kind(String id, boolean destructive) {
      this.id = id;
      this.destructive = destructive;
    }

    public String id() {
      return id;
    }

    /** Whether the change loses data, offsets or work: what the plan's warnings list. */
    public boolean destructive() {
      return destructive;
    }
  }

  public Callout {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
