package dev.zdp.action.ci.github;

import dev.zdp.action.ci.report.MarkdownCut;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Optional;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

/**
 * zdp's one comment on a pull request, found by the marker it starts with and edited in place: a
 * run posts it once, later runs edit it, and a run with the same report leaves it alone (no edit,
 * no notification). Bodies over GitHub's limit are cut at a safe place with a pointer to the job
 * summary. Uses GitHub API for Java against any endpoint (github.com or GitHub Enterprise).
 */
public final class StickyComment {

  /** GitHub refuses comment bodies longer than this many characters. */
  public static final int LIMIT = 65_536;

  /** What publishing did. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /**
   * The token may not comment (a fork's pull request gets a read-only token): the report still
   * reaches the job summary and the annotations.
   */
  public static final class NotAllowed extends Exception {
    NotAllowed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final GitHub github;
  private final String marker;

  StickyComment(GitHub github, String marker) {
    this.github = github;
    this.marker = marker;
  }

  /**
   * @param apiUrl the REST API root, {@code https://api.github.com} or {@code
   *     https://ghe.example.com/api/v3}
   */
  public static StickyComment connect(String apiUrl, String token, String marker)
      throws IOException {
    return new StickyComment(
        new GitHubBuilder().withEndpoint(apiUrl).withOAuthToken(token).build(), marker);
  }

  /**
   * Creates, edits or leaves alone zdp's comment on pull request {@code number} of {@code
   * repository} ({@code owner/name}).
   *
   * @param body the comment; it must start with the marker
   */
  public Outcome publish(String repository, int number, String body)
      throws IOException, NotAllowed {
    if (!body.startsWith(marker)) {
      throw new IllegalArgumentException("the comment must start with " + marker);
    }
    String fitted =
        MarkdownCut.fit(
            body,
            LIMIT - 256,
            MarkdownCut.CHARACTERS,
            "**This comment was cut here to fit GitHub's limit.** The full report is in the job"
                + " summary of this run.");
    try {
      GHRepository repo = github.getRepository(repository);
      GHIssue pullRequest = repo.getIssue(number);
      Optional<GHIssueComment> existing = find(pullRequest);
      if (existing.isEmpty()) {
        pullRequest.comment(fitted);
        return Outcome.CREATED;
      }
      if (fitted.equals(existing.get().getBody())) {
        return Outcome.UNCHANGED;
      }
      existing.get().update(fitted);
      return Outcome.UPDATED;
    } catch (HttpException e) {
      if (e.getResponseCode() == 403 || e.getResponseCode() == 404) {
        throw notAllowed(repository, number, e.getResponseCode(), e);
      }
      throw e;
    } catch (FileNotFoundException e) {
      throw notAllowed(repository, number, 404, e);
    }
  }

  private Optional<GHIssueComment> find(GHIssue pullRequest) throws IOException {
    for (GHIssueComment comment : pullRequest.listComments()) {
      String text = comment.getBody();
      if (text != null && text.startsWith(marker)) {
        return Optional.of(comment);
      }
    }
    return Optional.empty();
  }

  private static NotAllowed notAllowed(String repository, int number, int status, Exception e) {
    return new NotAllowed(
        "cannot comment on pull request #"
            + number
            + " of "
            + repository
            + " (HTTP "
            + status
            + "): the token may not write to pull requests, as for a pull request from a fork"
            + " on the pull_request event; give the job 'pull-requests: write' or use"
            + " pull_request_target",
        e);
  }
}
