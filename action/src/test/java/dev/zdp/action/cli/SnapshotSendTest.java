package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.action.deploy.RealPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zdp snapshot --send}, the step after {@code terraform apply} for those who run it
 * themselves: the signal for the table a commit adds reaches a real PostgreSQL's signal table, as
 * the connector's login taken from {@code TF_VAR_<credential>_user}/{@code _password}.
 */
class SnapshotSendTest {

  @TempDir static Path temp;
  private static RealPostgres postgres;
  private static Path model;
  private static String base;
  private static String head;

  @BeforeAll
  static void aRunningCaptureAndACommitThatSinksAddresses() throws Exception {
    postgres = RealPostgres.start(temp.resolve("postgres"));
    // the connector restarted with the new config has published addresses and the signal table
    postgres.datastore(
        "crm",
        "zdp_zero_crm_pub",
        List.of("CREATE TABLE public.addresses (id bigint PRIMARY KEY)"),
        List.of("public.addresses"));
    Path repo = temp.resolve("repo");
    model = repo.resolve("model");
    Acme.copyTo(model);
    postgres.captureCrm(model);
    base = Acme.commit(repo, "acme, crm captured");
    Acme.edit(
        model.resolve("workspaces/churn.yaml"),
        "- {datastore: crm, dataset: consent_events}",
        "- {datastore: crm, dataset: consent_events}\n"
            + "        - {datastore: crm, dataset: addresses}");
    head = Acme.commit(repo, "sink crm.addresses");
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static Zdp send(String password) {
    return Zdp.runIn(
        Map.of(
            "TF_VAR_crm_db_user", RealPostgres.CONNECTOR_USER, "TF_VAR_crm_db_password", password),
        temp,
        "snapshot",
        "--model",
        model.toString(),
        "--base",
        base,
        "--head",
        head,
        "--send");
  }

  @Test
  void theSignalIsInsertedOnceHoweverOftenItIsSent() {
    Zdp wrong = send("not-the-password");

    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.errLines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith(
                        "zdp: Cannot send the incremental snapshot signal for public.addresses to"
                            + " zero-crm-source: FATAL: password authentication failed for user"
                            + " \"crm_connector\". Send it by hand in database crm: INSERT INTO"
                            + " public.zdp_signal")
                    .doesNotContain("not-the-password"));
    assertThat(postgres.signals("crm")).isEmpty();

    Zdp sent = send(RealPostgres.CONNECTOR_PASSWORD);

    assertThat(sent.exitCode()).as(sent.err()).isZero();
    List<String> rows = postgres.signals("crm");
    assertThat(rows)
        .singleElement()
        .satisfies(
            row ->
                assertThat(row)
                    .matches(
                        "zdp-[0-9a-f]{24}\\|execute-snapshot\\|"
                            + "\\{\"data-collections\":\\[\"public\\\\\\\\\\.addresses\"\\],"
                            + "\"type\":\"incremental\"\\}"));
    String id = rows.get(0).substring(0, rows.get(0).indexOf('|'));
    assertThat(sent.out())
        .isEqualTo(
            "zdp: zero-crm-source: incremental snapshot of public.addresses (capture starts,"
                + " signal "
                + id
                + ")\n");

    Zdp again = send(RealPostgres.CONNECTOR_PASSWORD);

    assertThat(again.exitCode()).isZero();
    assertThat(postgres.signals("crm")).isEqualTo(rows);
    assertThat(again.out())
        .contains("incremental snapshot asked for before, not again: public.addresses");
    assertThat(sent.out() + sent.err() + again.out() + again.err())
        .doesNotContain(RealPostgres.CONNECTOR_PASSWORD);
  }
}
