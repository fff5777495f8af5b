package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zdp validate --base}: the pull-request check, end to end on a real git repository holding
 * a copy of examples/acme.
 */
class ChangeValidationCommandTest {

  private static final String CRM = "teams/customer_team/crm.yaml";
  private static final String CUSTOMER_TEAM = "acme/team-customer@main";

  @TempDir Path repo;
  private Git git;

  @BeforeEach
  void liveModelIsAcme() throws Exception {
    Path acme = Path.of("..", "examples", "acme");
    try (Stream<Path> files = Files.walk(acme)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = repo.resolve(acme.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    commit("live model");
  }

  private void commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setSign(false).setAuthor("t", "t@example.com").call();
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = repo.resolve(file);
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  private Zdp validate(String... more) {
    String[] args =
        Stream.concat(
                Stream.of("validate", "--model", repo.toString(), "--base", "main"),
                Stream.of(more))
            .toArray(String[]::new);
    return Zdp.run(args);
  }

  @Test
  void anUnchangedModelFromItsOwnerPasses() {
    Zdp zdp = validate("--change-source", CUSTOMER_TEAM);

    assertThat(zdp.exitCode()).as(zdp.out()).isZero();
  }

  @Test
  void removingAConsumedColumnFailsAndNamesTheConsumers() throws Exception {
    edit(CRM, "        - {name: full_name, type: text}\n", "");

    Zdp zdp = validate("--change-source", CUSTOMER_TEAM);

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out()).contains("[column-removed]").contains("full_name").contains("churn");
  }

  @Test
  void allowingBreakingChangesTurnsThemIntoWarningsButKeepsThemListed() throws Exception {
    edit(CRM, "        - {name: full_name, type: text}\n", "");

    Zdp zdp = validate("--change-source", CUSTOMER_TEAM, "--allow-breaking-changes");

    assertThat(zdp.exitCode()).as(zdp.out()).isZero();
    assertThat(zdp.out()).contains("warning [column-removed] allowed breaking change:");
  }

  @Test
  void aTeamMayNotChangeAnotherTeamsDatastore() throws Exception {
    edit(
        CRM,
        "        - {name: full_name, type: text}\n",
        "        - {name: full_name, type: text}\n        - {name: nickname, type: text}\n");

    Zdp zdp = validate("--change-source", "acme/team-commerce@main");

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out()).contains("[ownership]").contains(CUSTOMER_TEAM);
  }

  @Test
  void theHeadCanBeACommitToo() throws Exception {
    git.checkout().setCreateBranch(true).setName("feature").call();
    edit(CRM, "        - {name: full_name, type: text}\n", "");
    commit("drop full_name");
    git.checkout().setName("main").call();

    Zdp zdp = validate("--head", "feature", "--change-source", CUSTOMER_TEAM, "--format", "json");

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out()).contains("\"rule\" : \"column-removed\"");
  }

  @Test
  void anUnknownBaseIsOneLineAndExitTwo() {
    Zdp zdp = Zdp.run("validate", "--model", repo.toString(), "--base", "no-such-branch");

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines()).hasSize(1);
    assertThat(zdp.err()).contains("unknown git ref 'no-such-branch'");
  }
}
