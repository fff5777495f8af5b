package dev.zdp.action.deploy;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * {@code deploy: commit}: commits the generated files of the work tree's output directory and
 * pushes the commit to a branch of the work tree's {@code origin}, over HTTPS with the token as
 * credentials (never with credentials written into the remote's URL). No commit when the files are
 * already there. A push the remote rejects because the branch moved is reported, and retried once
 * on the branch's new head with only the generated files laid on top; a second rejection fails.
 */
public final class CommitAndPush {

  /** Called before each push; tests use it to make another clone win the race. */
  interface BeforePush {
    void run(int attempt) throws Exception;
  }

  /** What the deploy did. */
  public record Outcome(Optional<String> commit, String branch, int pushes) {
    public boolean committed() {
      return commit.isPresent();
    }
  }

  /** The push failed; the message is the one line to show. */
  public static final class PushFailed extends Exception {
    PushFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Path workTree;
  private final String outputPath;
  private final CredentialsProvider credentials;
  private final PersonIdent author;
  private final PrintWriter log;
  private final BeforePush beforePush;

  /**
   * @param workTree the repository's work tree (the checkout)
   * @param outputPath the output directory relative to the work tree, {@code /}-separated
   * @param username how the token introduces itself ({@code x-access-token} on GitHub)
   */
  public CommitAndPush(
      Path workTree,
      String outputPath,
      String username,
      String token,
      PersonIdent author,
      PrintWriter log) {
    this(
        workTree,
        outputPath,
        new UsernamePasswordCredentialsProvider(username, token),
        author,
        log,
        attempt -> {});
  }

  CommitAndPush(
      Path workTree,
      String outputPath,
      CredentialsProvider credentials,
      PersonIdent author,
      PrintWriter log,
      BeforePush beforePush) {
    this.workTree = workTree;
    this.outputPath = trimSlashes(outputPath);
    this.credentials = credentials;
    this.author = author;
    this.log = log;
    this.beforePush = beforePush;
  }

  /**
   * Commits the generated files on top of {@code start} (for the pushed branch) or on top of {@code
   * branch}'s head on the remote (for another branch that exists), and pushes.
   *
   * @param start the commit the files were generated from
   * @param startIsOnBranch whether {@code start} is the head of {@code branch} (the pushed branch)
   */
  public Outcome publish(String branch, String start, boolean startIsOnBranch, String message)
      throws IOException, PushFailed {
    SortedMap<String, byte[]> files = GeneratedCommit.read(workTree.resolve(outputPath));
    GeneratedCommit generated = new GeneratedCommit(outputPath, files);
    try (Git git = Git.open(workTree.toFile())) {
      Repository repository = git.getRepository();
      String remote = remoteUrl(repository);
      ObjectId parent = repository.resolve(start + "^{commit}");
      if (parent == null) {
        throw new PushFailed("commit " + start + " is not in the work tree's repository", null);
      }
      if (!startIsOnBranch) {
        parent = fetch(git, remote, branch).orElse(parent);
      }
      for (int attempt = 1; ; attempt++) {
        Optional<ObjectId> commit = generated.onto(repository, parent, author, message);
        if (commit.isEmpty()) {
          log.println(
              "zdp: the generated files in "
                  + outputPath
                  + " are already committed on "
                  + branch
                  + "; nothing to push");
          return new Outcome(Optional.empty(), branch, attempt - 1);
        }
        RemoteRefUpdate.Status status = push(git, remote, commit.get(), branch, attempt);
        if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
          log.println(
              "zdp: pushed " + commit.get().abbreviate(7).name() + " to " + branch + " of origin");
          return new Outcome(Optional.of(commit.get().name()), branch, attempt);
        }
        boolean moved =
            status == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
                || status == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED;
        if (!moved) {
          throw new PushFailed(
              "the push of the generated files to " + branch + " was refused: " + status, null);
        }
        if (attempt == 2) {
          throw new PushFailed(
              "the push of the generated files to "
                  + branch
                  + " was rejected twice because the branch keeps moving; run the deploy again",
              null);
        }
        log.println(
            "zdp: the push to "
                + branch
                + " was rejected (the branch moved); fetching it and laying the generated files"
                + " on its new head");
        parent =
            fetch(git, remote, branch)
                .orElseThrow(
                    () ->
                        new PushFailed(
                            "the push to " + branch + " was rejected and the branch is gone",
                            null));
      }
    }
  }

  private RemoteRefUpdate.Status push(
      Git git, String remote, ObjectId commit, String branch, int attempt)
      throws IOException, PushFailed {
    try {
      beforePush.run(attempt);
      Iterable<PushResult> results =
          git.push()
              .setRemote(remote)
              .setCredentialsProvider(credentials)
              .setRefSpecs(new RefSpec(commit.name() + ":" + "refs/heads/" + branch))
              .call();
      for (PushResult result : results) {
        RemoteRefUpdate update = result.getRemoteUpdate("refs/heads/" + branch);
        if (update != null) {
          return update.getStatus();
        }
      }
      throw new PushFailed("the remote did not answer the push to " + branch, null);
    } catch (GitAPIException e) {
      throw new PushFailed(
          "cannot push the generated files to " + branch + ": " + e.getMessage(), e);
    } catch (IOException | PushFailed e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /** The remote's head of {@code branch}, fetched into the repository; empty if it has none. */
  private Optional<ObjectId> fetch(Git git, String remote, String branch) throws PushFailed {
    try {
      String remoteRef = "refs/heads/" + branch;
      boolean exists =
          git
              .lsRemote()
              .setRemote(remote)
              .setCredentialsProvider(credentials)
              .setHeads(true)
              .call()
              .stream()
              .anyMatch(ref -> ref.getName().equals(remoteRef));
      if (!exists) {
        return Optional.empty();
      }
      String local = "refs/zdp/fetched/" + branch;
      FetchResult result =
          git.fetch()
              .setRemote(remote)
              .setCredentialsProvider(credentials)
              .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":" + local))
              .call();
      Ref advertised = result.getAdvertisedRef("refs/heads/" + branch);
      return Optional.ofNullable(advertised).map(Ref::getObjectId);
    } catch (GitAPIException e) {
      throw new PushFailed("cannot fetch " + branch + " from origin: " + e.getMessage(), e);
    }
  }

  /** {@code origin}'s URL without any user or password written into it. */
  private static String remoteUrl(Repository repository) throws PushFailed {
    String url = repository.getConfig().getString("remote", "origin", "url");
    if (url == null || url.isBlank()) {
      throw new PushFailed(
          "the work tree has no remote 'origin' to push the generated files to", null);
    }
    try {
      return new URIish(url).setUser(null).setPass(null).toString();
    } catch (URISyntaxException e) {
      throw new PushFailed("the URL of remote 'origin' is not a URL: " + e.getMessage(), e);
    }
  }

  private static String trimSlashes(String path) {
    String trimmed = path.replace('\\', '/');
    while (trimmed.startsWith("./")) {
      trimmed = trimmed.substring(2);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.equals(".") ? "" : trimmed;
  }
}
