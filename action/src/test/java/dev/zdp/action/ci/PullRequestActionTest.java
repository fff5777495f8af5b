package dev.zdp.action.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.action.fakes.FakeGithub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zdp action} on a recorded {@code pull_request} event, end to end: a real git repository
 * holding examples/acme (base commit and head commits), the real GitHub API client against a local
 * server, and the files GitHub hands the step.
 */
class PullRequestActionTest {

  private static final String REPO = "acme/data-model";
  private static final String TOKEN = "ghs_test_token";
  private static final String CRM = "teams/customer_team/crm.yaml";
  private static final PersonIdent DEV = new PersonIdent("dev", "dev@example.com");

  @TempDir Path temp;
  private Path workspace;
  private Git git;
  private FakeGithub github;
  private String baseSha;

  @BeforeEach
  void repositoryAndServer() throws Exception {
    workspace = temp.resolve("workspace");
    ActionRun.copyAcme(workspace);
    git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call();
    baseSha = commit("live model");
    github = new FakeGithub(REPO, TOKEN);
  }

  @AfterEach
  void stop() {
    assertThat(github.unexpected()).as("requests the fake does not serve").isEmpty();
    github.close();
    git.close();
  }

  private String commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().setUpdate(true).addFilepattern(".").call();
    return git.commit()
        .setMessage(message)
        .setSign(false)
        .setAuthor(DEV)
        .setCommitter(DEV)
        .call()
        .name();
  }

  /** The payload GitHub writes for a pull_request event (the fields zdp reads, and some more). */
  private Path event(String headSha, String... labels) throws Exception {
    StringBuilder labelJson = new StringBuilder();
    for (String label : labels) {
      labelJson
          .append(labelJson.isEmpty() ? "" : ",")
          .append("{\"id\":1,\"name\":\"")
          .append(label)
          .append("\",\"color\":\"f29513\"}");
    }
    String payload =
        """
        {
          "action": "synchronize",
          "number": 7,
          "pull_request": {
            "url": "https://api.github.com/repos/acme/data-model/pulls/7",
            "number": 7,
            "state": "open",
            "title": "Customers: change columns",
            "user": {"login": "octocat", "id": 1},
            "labels": [%s],
            "head": {
              "label": "acme:customers",
              "ref": "main",
              "sha": "%s",
              "repo": {"id": 2, "name": "team-customer", "full_name": "acme/team-customer"}
            },
            "base": {
              "label": "acme:main",
              "ref": "main",
              "sha": "%s",
              "repo": {"id": 1, "name": "data-model", "full_name": "acme/data-model"}
            }
          },
          "repository": {"id": 1, "name": "data-model", "full_name": "acme/data-model"},
          "sender": {"login": "octocat", "id": 1}
        }
        """
            .formatted(labelJson, headSha, baseSha);
    Path file = temp.resolve("event-" + headSha + ".json");
    Files.writeString(file, payload);
    return file;
  }

  private Map<String, String> environment(Path event, String headSha) {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_EVENT_NAME", "pull_request");
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_REPOSITORY", REPO);
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_SHA", headSha);
    env.put("GITHUB_REF_NAME", "7/merge");
    env.put("GITHUB_OUTPUT", temp.resolve("output-" + headSha).toString());
    env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary-" + headSha).toString());
    env.put("INPUT_MODEL-PATH", ".");
    env.put("INPUT_TOKEN", TOKEN);
    env.put("INPUT_GITHUB-API-URL", github.apiUrl());
    env.put("INPUT_DEPLOY", "none");
    env.put("INPUT_SARIF-PATH", "zdp.sarif");
    env.put("INPUT_ALLOW-BREAKING-CHANGES-LABEL", "allow-breaking-changes");
    env.put("INPUT_FAIL-ON-WARNINGS", "false");
    return env;
  }

  private ActionRun runOn(String headSha, String... labels) throws Exception {
    return ActionRun.run(environment(event(headSha, labels), headSha), temp);
  }

  private String comment() {
    assertThat(github.comments(7)).hasSize(1);
    return github.comments(7).get(0).body();
  }

  @Test
  void commentsOnceEditsOnANewResultAndLeavesAnIdenticalOneAlone() throws Exception {
    ActionRun.edit(
        workspace.resolve(CRM),
        "        - {name: updated_at, type: timestamptz}\n",
        "        - {name: updated_at, type: timestamptz}\n        - {name: nickname, type: text}\n");
    String passing = commit("add a column");

    ActionRun first = runOn(passing);

    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    String posted = comment();
    assertThat(posted)
        .startsWith("<!-- zdp:report -->\n")
        .contains(":white_check_mark: zdp passed: pull request #7")
        .contains("### zdp plan")
        .contains("```mermaid")
        .contains("crm.customers");
    assertThat(github.requests("POST")).hasSize(1);

    ActionRun.edit(workspace.resolve(CRM), "        - {name: full_name, type: text}\n", "");
    String failing = commit("drop full_name");

    ActionRun second = runOn(failing);

    assertThat(second.exitCode()).isEqualTo(1);
    String edited = comment();
    assertThat(edited)
        .startsWith("<!-- zdp:report -->\n")
        .contains(":x: zdp failed: pull request #7")
        .contains("**column-removed** [teams/customer\\_team/crm.yaml:")
        .contains("](https://github.com/acme/data-model/blob/" + failing + "/" + CRM + "#L")
        .contains("full\\_name")
        .contains("churn");
    assertThat(github.requests("POST")).hasSize(1);
    assertThat(github.requests("PATCH")).hasSize(1);

    ActionRun third = runOn(failing);

    assertThat(third.exitCode()).isEqualTo(1);
    assertThat(comment()).isEqualTo(edited);
    assertThat(github.requests("POST")).hasSize(1);
    assertThat(github.requests("PATCH")).hasSize(1);
    assertThat(third.out()).contains("already says this; left alone");
  }

  @Test
  void annotationsSummaryOutputsAndSarifOfAFailingChange() throws Exception {
    ActionRun.edit(workspace.resolve(CRM), "        - {name: full_name, type: text}\n", "");
    String head = commit("drop full_name");

    ActionRun run = runOn(head);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("::error file=" + CRM + ",line=")
                    .contains("title=[column-removed]"));
    String summary = Files.readString(temp.resolve("summary-" + head));
    assertThat(summary)
        .doesNotContain("<!-- zdp:report -->")
        .contains(":x: zdp failed")
        .contains("column-removed")
        .contains("### zdp plan");
    Map<String, String> outputs = ActionRun.outputs(temp.resolve("output-" + head));
    assertThat(outputs)
        .containsEntry("verdict", "fail")
        .containsEntry("sarif-path", "zdp.sarif")
        .containsKeys(
            "errors",
            "warnings",
            "plan-add",
            "plan-change",
            "plan-destroy",
            "plan-destructive",
            "artifacts-changed");
    assertThat(Long.parseLong(outputs.get("errors"))).isPositive();
    assertThat(Files.readString(workspace.resolve("zdp.sarif")))
        .contains("\"ruleId\" : \"column-removed\"");
  }

  @Test
  void theBreakingChangeLabelTurnsTheErrorIntoAWarning() throws Exception {
    ActionRun.edit(workspace.resolve(CRM), "        - {name: full_name, type: text}\n", "");
    String head = commit("drop full_name");

    ActionRun run = runOn(head, "allow-breaking-changes");

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(comment())
        .contains(":white_check_mark: zdp passed")
        .contains("The label 'allow-breaking-changes' is set");
  }

  @Test
  void aReadOnlyTokenDegradesToSummaryAndAnnotationsWithANotice() throws Exception {
    github.readOnly();
    ActionRun.edit(workspace.resolve(CRM), "        - {name: full_name, type: text}\n", "");
    String head = commit("drop full_name");

    ActionRun run = runOn(head);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("::notice::cannot comment on pull request #7 of acme/data-model (HTTP 403)")
        .contains("::error file=");
    assertThat(Files.readString(temp.resolve("summary-" + head))).contains("column-removed");
    assertThat(github.comments(7)).isEmpty();
  }
}
