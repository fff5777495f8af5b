package dev.zdp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A git repository holding a synthetic model the way a pull request sees it: branch {@value
 * #BASE_BRANCH} at the live model, branch {@value #HEAD_BRANCH} one commit later with the pull
 * request's change, checked out. The model sits at the repository's root.
 */
public final class SyntheticRepository {

  public static final String BASE_BRANCH = "main";
  public static final String HEAD_BRANCH = "change";

  private static final PersonIdent AUTHOR =
      new PersonIdent(
          "zdp bench", "bench@zdp.invalid", Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private SyntheticRepository() {}

  /** Writes {@code base} and {@code head} as two commits into a new repository at {@code dir}. */
  public static void write(Path dir, SyntheticEcosystem base, SyntheticEcosystem head)
      throws IOException {
    if (Files.exists(dir)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IOException("Cannot write a synthetic repository into " + dir + ": not empty");
        }
      }
    }
    Files.createDirectories(dir);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(BASE_BRANCH).call()) {
      SortedMap<String, String> baseFiles = base.files();
      writeFiles(dir, baseFiles);
      commit(git, "Live model: " + describe(base));
      git.checkout().setCreateBranch(true).setName(HEAD_BRANCH).call();
      SortedMap<String, String> headFiles = head.files();
      for (String path : baseFiles.keySet()) {
        if (!headFiles.containsKey(path)) {
          git.rm().addFilepattern(path).call();
        }
      }
      headFiles.entrySet().removeIf(file -> file.getValue().equals(baseFiles.get(file.getKey())));
      writeFiles(dir, headFiles);
      commit(git, "Pull request: " + headFiles.size() + " files changed by " + head.changeSource());
    } catch (GitAPIException e) {
      throw new IOException("Cannot write the synthetic repository at " + dir + ": " + e, e);
    }
  }

  private static void writeFiles(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static void commit(Git git, String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
  }

  private static String describe(SyntheticEcosystem model) {
    Shape shape = model.shape();
    return shape.datastores()
        + " datastores of "
        + shape.datasetsPerDatastore()
        + " datasets, "
        + shape.workspaces()
        + " workspaces, "
        + shape.teams()
        + " teams in "
        + shape.zones()
        + " zones (seed "
        + shape.seed()
        + ")";
  }
}
