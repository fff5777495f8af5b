package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zdp snapshot}: the incremental snapshot signals for the tables a commit adds to running
 * captures, and for a dataset re-read on demand, printed as the SQL that sends them.
 */
class SnapshotCommandTest {

  @TempDir Path repo;

  private Path model;
  private String base;
  private String head;

  @BeforeEach
  void commitTheExampleAndASinkOfAddresses() throws Exception {
    model = repo.resolve("model");
    Acme.copyTo(model);
    base = commit("acme as it is");
    Acme.edit(
        model.resolve("workspaces/churn.yaml"),
        "- {datastore: crm, dataset: consent_events}",
        "- {datastore: crm, dataset: consent_events}\n        - {datastore: crm, dataset: addresses}");
    head = commit("sink crm.addresses");
  }

  private String commit(String message) throws GitAPIException {
    return Acme.commitAll(repo, message);
  }

  @Test
  void theTablesACommitAddsToARunningCaptureGetOneSignalEach() {
    Zdp zdp = Zdp.run("snapshot", "--model", model.toString(), "--base", base, "--head", head);

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    assertThat(zdp.out().lines().toList())
        .hasSize(3)
        .satisfies(
            lines -> {
              assertThat(lines.get(0))
                  .isEqualTo(
                      "-- zero-crm-source: incremental snapshot of public.addresses (capture"
                          + " starts)");
              assertThat(lines.get(1)).startsWith("-- run in database crm on ");
              assertThat(lines.get(2))
                  .matches(
                      "INSERT INTO public\\.zdp_signal \\(id, type, data\\) VALUES"
                          + " \\('zdp-[0-9a-f]{24}', 'execute-snapshot',"
                          + " '\\{\"data-collections\":\\[\"public\\\\\\\\\\.addresses\"\\],"
                          + "\"type\":\"incremental\"\\}'\\) ON CONFLICT \\(id\\) DO NOTHING;");
            });
    Zdp again = Zdp.run("snapshot", "--model", model.toString(), "--base", base, "--head", head);
    assertThat(again.out()).as("the same deploy, the same signal id").isEqualTo(zdp.out());
    Zdp nothing = Zdp.run("snapshot", "--model", model.toString(), "--base", head, "--head", head);
    assertThat(nothing.exitCode()).isZero();
    assertThat(nothing.out())
        .isEqualTo("-- no table's capture starts in a running connector: nothing to signal\n");
  }

  @Test
  void aDatasetIsResnapshotOnDemandWithAKey() {
    Zdp zdp =
        Zdp.run(
            "snapshot", "--model", model.toString(), "--dataset", "crm.addresses", "--key", "T-1");

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    assertThat(zdp.out())
        .startsWith(
            "-- zero-crm-source: incremental snapshot of public.addresses (re-snapshot T-1)")
        .contains("'execute-snapshot'");
  }

  @Test
  void badRequestsCannotRunAndSayWhatToDo() {
    Zdp neither = Zdp.run("snapshot", "--model", model.toString());
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).startsWith("zdp: name either --base REF").doesNotContain("Exception");

    Zdp unknown =
        Zdp.run(
            "snapshot", "--model", model.toString(), "--dataset", "crm.nothing", "--key", "T-1");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .startsWith("zdp: No Zero platform ingests dataset 'crm.nothing'")
        .doesNotContain("Exception");

    Zdp noKey = Zdp.run("snapshot", "--model", model.toString(), "--dataset", "crm.addresses");
    assertThat(noKey.exitCode()).isEqualTo(2);
    assertThat(noKey.err()).contains("needs --key");
  }
}
