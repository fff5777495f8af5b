package dev.zdp.action.deploy;

import dev.zdp.generator.zero.SnapshotSignal;
import dev.zdp.model.Capture;
import dev.zdp.model.platform.zero.ZeroNames;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Sends incremental snapshot signals after {@code terraform apply}: for each signal, waits until
 * the datastore's publication holds the signal table and the signalled tables (the connector
 * updates it when it restarts with its new config; a signal inserted before would never reach
 * Debezium), then inserts the signal into the signal table. A signal sent before (same id) inserts
 * nothing.
 */
public final class SnapshotSignalSender {

  /** Opens a connection to the database of a signal's datastore. */
  @FunctionalInterface
  public interface Databases {
    Connection open(SnapshotSignal signal) throws SQLException;
  }

  /** A signal could not be sent; the message names the connector, the tables and the cause. */
  public static final class SendFailed extends Exception {
    SendFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * How long a deploy waits for a connector restarted with new tables to publish them before it
   * signals: Connect restarts a connector within seconds, a rebalance can take minutes.
   */
  public static final Duration PUBLICATION_LIMIT = Duration.ofMinutes(3);

  private static final Duration POLL = Duration.ofMillis(500);

  private final Databases databases;
  private final Duration publicationLimit;
  private final PrintWriter log;

  public SnapshotSignalSender(Databases databases, Duration publicationLimit, PrintWriter log) {
    this.databases = databases;
    this.publicationLimit = publicationLimit;
    this.log = log;
  }

  /**
   * The datastore's database as its capture names it ({@code jdbc:postgresql://host:port/db}),
   * logged in with the connector's own credential, from the environment Terraform reads it from:
   * {@code TF_VAR_<credential>_user} and {@code TF_VAR_<credential>_password}.
   */
  public static Databases fromEnvironment(Map<String, String> environment) {
    return signal -> {
      Capture capture = signal.datastore().capture();
      ZeroNames.CredentialVariables variables = ZeroNames.credentialVariables(capture.credential());
      String user = environment.get("TF_VAR_" + variables.user());
      String password = environment.get("TF_VAR_" + variables.password());
      if (user == null || password == null) {
        throw new SQLException(
            "TF_VAR_"
                + variables.user()
                + " and TF_VAR_"
                + variables.password()
                + " must be set (the connector's credential, as terraform gets it)");
      }
      return DriverManager.getConnection(
          "jdbc:postgresql://" + capture.host() + ":" + capture.port() + "/" + capture.database(),
          user,
          password);
    };
  }

  /**
   * Sends every signal, in order.
   *
   * @return one line per signal saying what was asked for, for the deploy's notes
   * @throws SendFailed at the first signal that cannot be sent
   */
  public List<String> send(List<SnapshotSignal> signals) throws SendFailed {
    List<String> lines = new ArrayList<>();
    for (SnapshotSignal signal : signals) {
      try (Connection connection = databases.open(signal)) {
        awaitPublication(connection, signal);
        boolean sent;
        try (Statement statement = connection.createStatement()) {
          sent = statement.executeUpdate(signal.sql()) > 0;
        }
        String line =
            signal.connector()
                + ": "
                + (sent
                    ? "incremental snapshot of "
                    : "incremental snapshot asked for before, not again: ")
                + String.join(", ", signal.tables())
                + " ("
                + signal.reason()
                + ", signal "
                + signal.id()
                + ")";
        log.println("zdp: " + line);
        log.flush();
        lines.add(line);
      } catch (SQLException e) {
        throw new SendFailed(
            "Cannot send the incremental snapshot signal for "
                + String.join(", ", signal.tables())
                + " to "
                + signal.connector()
                + ": "
                + e.getMessage()
                + ". Send it by hand in database "
                + signal.datastore().capture().database()
                + ": "
                + signal.sql(),
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SendFailed("Interrupted while sending the snapshot signals", e);
      }
    }
    return lines;
  }

  private void awaitPublication(Connection connection, SnapshotSignal signal)
      throws SQLException, InterruptedException {
    String publication = ZeroNames.publicationName(signal.platform(), signal.datastore());
    SortedSet<String> wanted = new TreeSet<>(signal.tables());
    wanted.add(ZeroNames.signalTable());
    long end = System.nanoTime() + publicationLimit.toNanos();
    while (true) {
      SortedSet<String> published = new TreeSet<>();
      try (PreparedStatement query =
          connection.prepareStatement(
              "SELECT schemaname || '.' || tablename FROM pg_publication_tables WHERE pubname = ?")) {
        query.setString(1, publication);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            published.add(rows.getString(1));
          }
        }
      }
      if (published.containsAll(wanted)) {
        return;
      }
      if (System.nanoTime() > end) {
        wanted.removeAll(published);
        throw new SQLException(
            "publication "
                + publication
                + " still lacks "
                + wanted
                + " after "
                + publicationLimit.toSeconds()
                + " s: is connector "
                + signal.connector()
                + " running with its new config?");
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
