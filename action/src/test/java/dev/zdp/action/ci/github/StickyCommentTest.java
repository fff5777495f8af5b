package dev.zdp.action.ci.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zdp.action.fakes.FakeGithub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sticky comment, through the real GitHub API for Java client against a local server. */
class StickyCommentTest {

  private static final String MARKER = "<!-- zdp:report -->";
  private static final String REPO = "acme/data-model";

  private FakeGithub github;
  private StickyComment sticky;

  @BeforeEach
  void server() throws Exception {
    github = new FakeGithub(REPO, "secret-token");
    sticky = StickyComment.connect(github.apiUrl(), "secret-token", MARKER);
  }

  @AfterEach
  void stop() {
    assertThat(github.unexpected()).as("requests the fake does not serve").isEmpty();
    github.close();
  }

  @Test
  void postsOnceThenEditsInPlaceAndLeavesAnIdenticalReportAlone() throws Exception {
    github.addComment(7, "LGTM", "octocat");

    assertThat(sticky.publish(REPO, 7, MARKER + "\nfirst"))
        .isEqualTo(StickyComment.Outcome.CREATED);
    assertThat(sticky.publish(REPO, 7, MARKER + "\nsecond"))
        .isEqualTo(StickyComment.Outcome.UPDATED);
    assertThat(sticky.publish(REPO, 7, MARKER + "\nsecond"))
        .isEqualTo(StickyComment.Outcome.UNCHANGED);

    assertThat(github.comments(7))
        .extracting(FakeGithub.Comment::body)
        .containsExactly("LGTM", MARKER + "\nsecond");
    assertThat(github.requests("POST")).hasSize(1);
    assertThat(github.requests("PATCH")).hasSize(1);
  }

  @Test
  void aCommentQuotingTheMarkerIsNotTakenForZdps() throws Exception {
    github.addComment(7, "> " + MARKER + "\n> why does it fail?", "octocat");

    sticky.publish(REPO, 7, MARKER + "\nreport");

    assertThat(github.comments(7)).hasSize(2);
  }

  @Test
  void aBodyOverGithubsLimitIsCutWithAPointerToTheSummary() throws Exception {
    StringBuilder body = new StringBuilder(MARKER + "\n<details><summary>all</summary>\n\n");
    for (int i = 0; body.length() < 100_000; i++) {
      body.append("- finding ").append(i).append('\n');
    }
    body.append("</details>\n");

    sticky.publish(REPO, 7, body.toString());

    String posted = github.comments(7).get(0).body();
    assertThat(posted.length()).isLessThanOrEqualTo(StickyComment.LIMIT);
    assertThat(posted).startsWith(MARKER).contains("job summary").endsWith("\n");
    assertThat(posted.split("<details>", -1).length)
        .isEqualTo(posted.split("</details>", -1).length);
  }

  @Test
  void aReadOnlyTokenIsReportedAsNotAllowed() {
    github.readOnly();

    assertThatThrownBy(() -> sticky.publish(REPO, 7, MARKER + "\nreport"))
        .isInstanceOf(StickyComment.NotAllowed.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("pull-requests: write");
  }
}
