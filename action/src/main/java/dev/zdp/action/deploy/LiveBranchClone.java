package dev.zdp.action.deploy;

import dev.zdp.action.engine.CannotRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The live branch of a model repository, kept in a clone of its own that later runs fetch into
 * instead of cloning again ({@code zdp reconcile}). The clone's work tree is reset to the fetched
 * commit, so the model directory at that commit exists on disk; the model itself is read from the
 * commit with JGit. Over HTTPS, {@value #TOKEN_VARIABLE} (with {@value #USER_VARIABLE}, default
 * {@value #DEFAULT_USER}) are the credentials, never written into the clone's configuration.
 *
 * @param directory the clone's work tree
 * @param sha the commit the branch was at when fetched
 * @param previous the commit the clone held before this fetch, when it existed
 */
public record LiveBranchClone(Path directory, String sha, Optional<String> previous) {

  /** The token for an HTTPS remote that needs one. */
  public static final String TOKEN_VARIABLE = "ZDP_GIT_TOKEN";

  /** Who the token introduces itself as. */
  public static final String USER_VARIABLE = "ZDP_GIT_USER";

  /** The user name GitHub expects with an app or job token; GitLab accepts any. */
  static final String DEFAULT_USER = "x-access-token";

  /**
   * Clones {@code branch} of {@code repository} into {@code directory}, or fetches it there when a
   * clone of the same repository is already there, and checks out its newest commit.
   *
   * @param repository a URL JGit can fetch from, or a local repository directory
   * @throws CannotRun naming the repository and what to do, when it cannot be fetched
   */
  public static LiveBranchClone fetch(
      String repository,
      String branch,
      Path directory,
      Map<String, String> environment,
      PrintWriter log) {
    String uri = uri(repository);
    String shown = withoutCredentials(repository);
    CredentialsProvider credentials = credentials(environment);
    String tracking = Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + branch;
    RefSpec spec = new RefSpec("+" + Constants.R_HEADS + branch + ":" + tracking);
    try {
      boolean branchExists =
          Git.lsRemoteRepository()
              .setRemote(uri)
              .setHeads(true)
              .setCredentialsProvider(credentials)
              .call()
              .stream()
              .anyMatch(ref -> ref.getName().equals(Constants.R_HEADS + branch));
      if (!branchExists) {
        throw new CannotRun(
            "'" + shown + "' has no branch '" + branch + "'; name its live branch with --branch");
      }
      if (Files.isDirectory(directory.resolve(Constants.DOT_GIT))) {
        try (Git git = Git.open(directory.toFile())) {
          String origin =
              git.getRepository()
                  .getConfig()
                  .getString("remote", Constants.DEFAULT_REMOTE_NAME, "url");
          if (!uri.equals(origin)) {
            throw new CannotRun(
                directory
                    + " holds a clone of '"
                    + withoutCredentials(String.valueOf(origin))
                    + "', not of '"
                    + shown
                    + "'; give each repository an --out of its own");
          }
          Optional<String> previous = head(git.getRepository());
          log.println("zdp: fetching " + branch + " of " + shown + " into " + directory);
          log.flush();
          git.fetch().setRefSpecs(spec).setCredentialsProvider(credentials).call();
          String sha = checkout(git, tracking, shown, branch);
          return new LiveBranchClone(directory, sha, previous.filter(p -> !p.equals(sha)));
        }
      }
      log.println("zdp: cloning " + branch + " of " + shown + " into " + directory);
      log.flush();
      Files.createDirectories(directory.toAbsolutePath().getParent());
      Path partial =
          Files.createTempDirectory(
              directory.toAbsolutePath().getParent(), directory.getFileName() + ".partial-");
      try {
        String sha;
        try (Git git =
            Git.cloneRepository()
                .setURI(uri)
                .setDirectory(partial.toFile())
                .setBranchesToClone(List.of(Constants.R_HEADS + branch))
                .setBranch(Constants.R_HEADS + branch)
                .setNoCheckout(true)
                .setCredentialsProvider(credentials)
                .call()) {
          sha = checkout(git, tracking, shown, branch);
        }
        Files.move(partial, directory);
        return new LiveBranchClone(directory, sha, Optional.empty());
      } finally {
        delete(partial);
      }
    } catch (GitAPIException | JGitInternalException e) {
      throw new CannotRun(
          "cannot fetch "
              + branch
              + " of '"
              + shown
              + "': "
              + withoutCredentials(String.valueOf(e.getMessage()))
              + "; check the URL, and for a private repository set "
              + TOKEN_VARIABLE,
          e);
    } catch (IOException e) {
      throw new CannotRun(
          "cannot keep the clone of '"
              + shown
              + "' in "
              + directory
              + ": "
              + e.getMessage()
              + "; choose a writable --out",
          e);
    }
  }

  /**
   * Checks out the fetched commit, detached, discarding anything changed in the work tree.
   *
   * @return the commit
   */
  private static String checkout(Git git, String tracking, String shown, String branch)
      throws IOException, GitAPIException {
    ObjectId commit = git.getRepository().resolve(tracking + "^{commit}");
    if (commit == null) {
      throw new CannotRun("'" + shown + "' did not send its branch '" + branch + "'; run again");
    }
    git.checkout().setName(commit.name()).setForced(true).call();
    git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.name()).call();
    return commit.name();
  }

  private static Optional<String> head(Repository repository) throws IOException {
    ObjectId head = repository.resolve(Constants.HEAD + "^{commit}");
    return Optional.ofNullable(head).map(ObjectId::name);
  }

  /** A local directory as an absolute path, anything else as given. */
  private static String uri(String repository) {
    if (!repository.contains("://") && Files.isDirectory(Path.of(repository))) {
      return Path.of(repository).toAbsolutePath().normalize().toString();
    }
    return repository;
  }

  /** A URL with the password of {@code https://user:password@host/...} masked, for messages. */
  static String withoutCredentials(String text) {
    return text.replaceAll("://[^/@\\s]+@", "://***@");
  }

  private static CredentialsProvider credentials(Map<String, String> environment) {
    String token = environment.get(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      return null;
    }
    String user = environment.getOrDefault(USER_VARIABLE, DEFAULT_USER);
    return new UsernamePasswordCredentialsProvider(user.isBlank() ? DEFAULT_USER : user, token);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
