package dev.zdp.action.ci;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The commit a live run's deploy compares the pushed commit with, to find the tables the push adds
 * to running captures: what the branch held before the push, as the CI says, so that a push of
 * several commits (or a merge) counts the tables each of them adds. When the CI does not say (a
 * manual run), gives all zeros (a new branch, or GitLab's pipelines not started by a push), or
 * names a commit the clone lacks, the pushed commit's first parent stands in, and {@link
 * #explanation} says so.
 *
 * @param sha the commit to compare with; empty when there is none in the clone
 * @param explanation what is compared with and why, one line for the log
 */
record DeployedBefore(Optional<String> sha, String explanation) {

  /**
   * Chooses the commit for {@code update} in the repository holding {@code directory}.
   *
   * @throws IOException when the repository cannot be read
   */
  static DeployedBefore of(Path directory, Trigger.LiveUpdate update) throws IOException {
    try (Repository repository =
            new FileRepositoryBuilder()
                .findGitDir(directory.toAbsolutePath().toFile())
                .setMustExist(true)
                .build();
        RevWalk walk = new RevWalk(repository)) {
      String branch = "'" + update.branch() + "'";
      String why;
      Optional<String> before = update.before();
      if (before.isEmpty()) {
        why = "the " + update.event() + " run does not say what " + branch + " held before";
      } else if (before.get().equals(ObjectId.zeroId().name())) {
        why =
            "the "
                + update.event()
                + " run's commit before is all zeros (a new branch "
                + branch
                + ", or a run not started by a push)";
      } else if (!ObjectId.isId(before.get())) {
        why = "the commit before the push, '" + before.get() + "', is not a commit id";
      } else if (commit(walk, before.get()).isPresent()) {
        return new DeployedBefore(
            before,
            "compared with "
                + LiveRun.shortSha(before.get())
                + ", what "
                + branch
                + " held before the push");
      } else {
        why =
            "commit "
                + LiveRun.shortSha(before.get())
                + ", what "
                + branch
                + " held before the push, is not in the clone (check out the whole history:"
                + " fetch-depth: 0, GIT_DEPTH: 0)";
      }
      Optional<RevCommit> pushed = commit(walk, update.sha());
      if (pushed.isEmpty() || pushed.get().getParentCount() == 0) {
        return new DeployedBefore(
            Optional.empty(),
            why
                + ", and "
                + LiveRun.shortSha(update.sha())
                + " has no parent in the clone (a first commit, or a shallow clone)");
      }
      String parent = pushed.get().getParent(0).name();
      return new DeployedBefore(
          Optional.of(parent),
          why
              + ": compared with "
              + LiveRun.shortSha(parent)
              + ", the first parent of "
              + LiveRun.shortSha(update.sha())
              + ", so tables added by earlier commits of the push are not signalled");
    }
  }

  private static Optional<RevCommit> commit(RevWalk walk, String sha) throws IOException {
    try {
      return Optional.of(walk.parseCommit(ObjectId.fromString(sha)));
    } catch (MissingObjectException | IncorrectObjectTypeException e) {
      return Optional.empty();
    }
  }
}
