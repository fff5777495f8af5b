package dev.zdp.generator.zero;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zdp.model.Datastore;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.zero.ZeroNames;
import java.util.List;
import java.util.Objects;

/**
 * An {@code execute-snapshot} signal for one datastore's source connector: Debezium's incremental
 * snapshot of exactly {@code tables}, sent by inserting a row into the datastore's signal table
 * ({@link ZeroNames#signalTable()}). The row's id is derived from what the signal is for, and the
 * insert does nothing when a row with that id exists, so sending the same signal twice snapshots
 * once.
 *
 * @param platform the Zero platform
 * @param datastore the datastore whose source connector is signalled
 * @param tables the tables to snapshot, {@code schema.table}, sorted
 * @param id the signal's id (at most 42 characters, the signal table's key)
 * @param reason why: the tables' capture starts, or a re-snapshot asked for
 */
public record SnapshotSignal(
    Platform platform, Datastore datastore, List<String> tables, String id, String reason) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public SnapshotSignal {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(datastore, "datastore");
    tables = tables.stream().sorted().distinct().toList();
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
  }

  /** The source connector the signal is for. */
  public String connector() {
    return ZeroNames.sourceConnector(platform, datastore);
  }

  /**
   * The signal's {@code data}: {@code {"data-collections":[...],"type":"incremental"}}, each table
   * as the regular expression matching exactly its name (Debezium matches them as expressions).
   */
  public String data() {
    ObjectNode data = JSON.createObjectNode();
    tables.forEach(
        table -> data.withArray("data-collections").add(ZeroRenderer.regexLiteral(table)));
    data.put("type", "incremental");
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serializes", e);
    }
  }

  /**
   * The statement that sends the signal, run in the datastore's database as a user that may insert
   * into the signal table: PostgreSQL SQL, every value a quoted literal.
   */
  public String sql() {
    return "INSERT INTO "
        + ZeroNames.SIGNAL_SCHEMA
        + "."
        + ZeroNames.SIGNAL_TABLE
        + " (id, type, data) VALUES ("
        + literal(id)
        + ", 'execute-snapshot', "
        + literal(data())
        + ") ON CONFLICT (id) DO NOTHING;";
  }

  /** A PostgreSQL string literal (standard_conforming_strings: only quotes are doubled). */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
