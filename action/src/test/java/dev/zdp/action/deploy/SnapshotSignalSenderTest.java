package dev.zdp.action.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zdp.generator.zero.SnapshotSignal;
import dev.zdp.generator.zero.SnapshotSignals;
import dev.zdp.model.Model;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.ModelLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy's signals sent to a real PostgreSQL as the connector's login, with only the grants
 * docs/generator.md tells a platform to give it.
 */
class SnapshotSignalSenderTest {

  /** The publication Zero derives for datastore crm on platform zero. */
  private static final String PUBLICATION = "zdp_zero_crm_pub";

  @TempDir static Path temp;
  private static RealPostgres postgres;
  private static Model acme;

  @BeforeAll
  static void start() throws Exception {
    postgres = RealPostgres.start(temp);
    postgres.datastore(
        "crm",
        PUBLICATION,
        List.of(
            "CREATE TABLE public.customers (id bigint PRIMARY KEY)",
            "CREATE TABLE public.consent_events (id bigint PRIMARY KEY)"),
        List.of("public.customers"));
    acme = ModelLoader.load(new DirectorySource(Path.of("..", "examples", "acme")).files()).model();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static SnapshotSignalSender sender(String password, StringWriter log) {
    return new SnapshotSignalSender(
        signal ->
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/crm",
                RealPostgres.CONNECTOR_USER,
                password),
        Duration.ofSeconds(2),
        new PrintWriter(log));
  }

  private static SnapshotSignal resnapshot(String dataset, String key) {
    return SnapshotSignals.forDataset(acme, "crm", dataset, key);
  }

  @Test
  void aSignalIsOneRowOfTheSignalTableAndSendingItAgainAddsNone() throws Exception {
    SnapshotSignal signal = resnapshot("customers", "TICKET-1");
    StringWriter log = new StringWriter();

    List<String> sent = sender(RealPostgres.CONNECTOR_PASSWORD, log).send(List.of(signal));

    assertThat(postgres.signals("crm"))
        .contains(
            signal.id()
                + "|execute-snapshot|{\"data-collections\":[\"public\\\\.customers\"],"
                + "\"type\":\"incremental\"}");
    assertThat(sent)
        .containsExactly(
            "zero-crm-source: incremental snapshot of public.customers (re-snapshot TICKET-1,"
                + " signal "
                + signal.id()
                + ")");
    assertThat(log.toString()).isEqualTo("zdp: " + sent.get(0) + "\n");
    List<String> rows = postgres.signals("crm");

    List<String> again = sender(RealPostgres.CONNECTOR_PASSWORD, log).send(List.of(signal));

    assertThat(postgres.signals("crm")).as("nothing inserted the second time").isEqualTo(rows);
    assertThat(again)
        .containsExactly(
            "zero-crm-source: incremental snapshot asked for before, not again: public.customers"
                + " (re-snapshot TICKET-1, signal "
                + signal.id()
                + ")");
  }

  @Test
  void aWrongPasswordIsOneLineThatNamesTheLoginAndNotThePassword() {
    SnapshotSignal signal = resnapshot("customers", "TICKET-2");

    assertThatThrownBy(() -> sender("not-the-password", new StringWriter()).send(List.of(signal)))
        .isInstanceOf(SnapshotSignalSender.SendFailed.class)
        .hasMessageStartingWith(
            "Cannot send the incremental snapshot signal for public.customers to zero-crm-source:")
        .hasMessageContaining(
            "password authentication failed for user \"" + RealPostgres.CONNECTOR_USER + "\"")
        .hasMessageContaining(". Send it by hand in database crm: " + signal.sql())
        .hasMessageNotContaining("not-the-password")
        .hasMessageNotContaining(RealPostgres.CONNECTOR_PASSWORD)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(postgres.signals("crm")).noneMatch(row -> row.startsWith(signal.id()));
  }

  @Test
  void anUnreachableDatabaseIsOneLine() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    SnapshotSignalSender sender =
        new SnapshotSignalSender(
            signal ->
                DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + closed + "/crm",
                    RealPostgres.CONNECTOR_USER,
                    RealPostgres.CONNECTOR_PASSWORD),
            Duration.ofSeconds(2),
            new PrintWriter(new StringWriter()));

    assertThatThrownBy(() -> sender.send(List.of(resnapshot("customers", "TICKET-3"))))
        .isInstanceOf(SnapshotSignalSender.SendFailed.class)
        .hasMessageContaining(": Connection to 127.0.0.1:" + closed + " refused.")
        .hasMessageNotContaining(RealPostgres.CONNECTOR_PASSWORD)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aTableNotYetPublishedIsWaitedForAndThenNamed() throws Exception {
    SnapshotSignal events = resnapshot("consent_events", "TICKET-4");

    assertThatThrownBy(
            () -> sender(RealPostgres.CONNECTOR_PASSWORD, new StringWriter()).send(List.of(events)))
        .isInstanceOf(SnapshotSignalSender.SendFailed.class)
        .hasMessageContaining(
            ": publication "
                + PUBLICATION
                + " still lacks [public.consent_events] after 2 s: is connector zero-crm-source running"
                + " with its new config?");
    assertThat(postgres.signals("crm")).noneMatch(row -> row.startsWith(events.id()));

    postgres.publish("crm", PUBLICATION, "public.consent_events");
    sender(RealPostgres.CONNECTOR_PASSWORD, new StringWriter()).send(List.of(events));
    assertThat(postgres.signals("crm")).anyMatch(row -> row.startsWith(events.id()));
  }
}
