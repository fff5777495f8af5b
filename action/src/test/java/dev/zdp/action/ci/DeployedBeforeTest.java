package dev.zdp.action.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which commit a live deploy compares with, in real git repositories. */
class DeployedBeforeTest {

  private static final PersonIdent DEV = new PersonIdent("dev", "dev@example.com");

  @TempDir Path temp;
  private Path repository;
  private String first;
  private String second;
  private String third;

  /** Three commits on main: what was deployed (first), then two pushed at once. */
  @BeforeEach
  void threeCommits() throws Exception {
    repository = temp.resolve("repo");
    try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
      first = commit(git, "a.yaml", "first");
      second = commit(git, "b.yaml", "second");
      third = commit(git, "c.yaml", "third");
    }
  }

  private static String commit(Git git, String file, String message) throws Exception {
    Files.writeString(git.getRepository().getWorkTree().toPath().resolve(file), message + "\n");
    return ActionRun.commitAll(git, message, DEV);
  }

  private DeployedBefore of(String sha, String event, Optional<String> before) throws Exception {
    return DeployedBefore.of(repository, new Trigger.LiveUpdate(sha, "main", event, before));
  }

  @Test
  void aPushOfSeveralCommitsComparesWithWhatTheBranchHeldBefore() throws Exception {
    DeployedBefore base = of(third, "push", Optional.of(first));

    assertThat(base.sha()).contains(first);
    assertThat(base.explanation())
        .isEqualTo("compared with " + first.substring(0, 7) + ", what 'main' held before the push");
  }

  @Test
  void withoutTheCommitBeforeTheFirstParentStandsInAndTheLogSaysSo() throws Exception {
    String parent = second.substring(0, 7);
    String missing = "0123456789abcdef0123456789abcdef01234567";

    assertThat(of(third, "workflow_dispatch", Optional.empty()))
        .isEqualTo(
            new DeployedBefore(
                Optional.of(second),
                "the workflow_dispatch run does not say what 'main' held before: compared with "
                    + parent
                    + ", the first parent of "
                    + third.substring(0, 7)
                    + ", so tables added by earlier commits of the push are not signalled"));
    assertThat(of(third, "push", Optional.of(ObjectId.zeroId().name())).explanation())
        .startsWith(
            "the push run's commit before is all zeros (a new branch 'main', or a run not started"
                + " by a push): compared with "
                + parent);
    assertThat(of(third, "push", Optional.of(missing)).explanation())
        .startsWith(
            "commit 0123456, what 'main' held before the push, is not in the clone (check out"
                + " the whole history: fetch-depth: 0, GIT_DEPTH: 0): compared with "
                + parent);
    assertThat(of(third, "push", Optional.of("HEAD~2")).explanation())
        .startsWith("the commit before the push, 'HEAD~2', is not a commit id: compared with");
  }

  @Test
  void aFirstCommitOrAShallowCloneHasNothingToCompareWith() throws Exception {
    assertThat(of(first, "push", Optional.of(ObjectId.zeroId().name())))
        .isEqualTo(
            new DeployedBefore(
                Optional.empty(),
                "the push run's commit before is all zeros (a new branch 'main', or a run not"
                    + " started by a push), and "
                    + first.substring(0, 7)
                    + " has no parent in the clone (a first commit, or a shallow clone)"));

    Path shallow = temp.resolve("shallow");
    Git.cloneRepository()
        .setURI(repository.toUri().toString())
        .setDirectory(shallow.toFile())
        .setDepth(1)
        .call()
        .close();
    DeployedBefore base =
        DeployedBefore.of(
            shallow, new Trigger.LiveUpdate(third, "main", "push", Optional.of(first)));
    assertThat(base.sha()).isEmpty();
    assertThat(base.explanation())
        .startsWith(
            "commit " + first.substring(0, 7) + ", what 'main' held before the push, is not")
        .endsWith("has no parent in the clone (a first commit, or a shallow clone)");
  }
}
