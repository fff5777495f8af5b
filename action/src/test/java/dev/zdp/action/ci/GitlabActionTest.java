package dev.zdp.action.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zdp.action.fakes.FakeGitlab;
import dev.zdp.action.fakes.FakeTerraform;
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
 * {@code zdp action} in GitLab CI: a merge request pipeline checks the change and keeps one note on
 * the merge request; a default-branch pipeline writes the Code Quality report too, so the merge
 * request widget has something to compare with.
 */
class GitlabActionTest {

  private static final String CRM = "teams/customer_team/crm.yaml";
  private static final PersonIdent DEV = new PersonIdent("dev", "dev@example.com");

  @TempDir Path temp;
  private Path project;
  private Git git;
  private FakeGitlab gitlab;
  private String baseSha;

  @BeforeEach
  void projectAndServer() throws Exception {
    project = temp.resolve("project");
    ActionRun.copyAcme(project);
    git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call();
    baseSha = commit("live model");
    gitlab = new FakeGitlab("42", "glpat-test", 100);
  }

  @AfterEach
  void stop() {
    assertThat(gitlab.unexpected()).isEmpty();
    gitlab.close();
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

  private Map<String, String> common(String sha) {
    Map<String, String> env = new HashMap<>();
    env.put("GITLAB_CI", "true");
    env.put("CI_PROJECT_DIR", project.toString());
    env.put("CI_PROJECT_ID", "42");
    env.put("CI_PROJECT_PATH", "acme/data-model");
    env.put("CI_PROJECT_URL", "https://gitlab.example.com/acme/data-model");
    env.put("CI_API_V4_URL", gitlab.apiUrl());
    env.put("CI_DEFAULT_BRANCH", "main");
    env.put("CI_COMMIT_SHA", sha);
    env.put("ZDP_GITLAB_TOKEN", "glpat-test");
    return env;
  }

  private Map<String, String> mergeRequest(String headSha) {
    Map<String, String> env = common(headSha);
    env.put("CI_PIPELINE_SOURCE", "merge_request_event");
    env.put("CI_MERGE_REQUEST_IID", "5");
    env.put("CI_MERGE_REQUEST_DIFF_BASE_SHA", baseSha);
    env.put("CI_MERGE_REQUEST_SOURCE_PROJECT_PATH", "acme/team-customer");
    env.put("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "main");
    env.put("CI_MERGE_REQUEST_LABELS", "data,review");
    return env;
  }

  @Test
  void aMergeRequestGetsOneNoteAndACodeQualityReport() throws Exception {
    ActionRun.edit(project.resolve(CRM), "        - {name: full_name, type: text}\n", "");
    String head = commit("drop full_name");

    ActionRun first = ActionRun.run(mergeRequest(head), temp);
    ActionRun second = ActionRun.run(mergeRequest(head), temp);

    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
    assertThat(first.out()).contains("column-removed").contains("added a note");
    assertThat(second.out()).contains("already says this");
    assertThat(gitlab.notes(5)).hasSize(1);
    assertThat(gitlab.notes(5).get(0).body())
        .startsWith("<!-- zdp:report -->")
        .contains(":x: zdp failed: merge request !5")
        .contains("](https://gitlab.example.com/acme/data-model/-/blob/" + head + "/" + CRM + "#L");
    JsonNode quality =
        new ObjectMapper().readTree(project.resolve("gl-code-quality-report.json").toFile());
    assertThat(quality.isArray()).isTrue();
    assertThat(quality.toString()).contains("column-removed").contains(CRM);
  }

  @Test
  void theDefaultBranchPipelineWritesTheCodeQualityReportToo() throws Exception {
    Map<String, String> env = common(baseSha);
    env.put("CI_PIPELINE_SOURCE", "push");
    env.put("CI_COMMIT_BRANCH", "main");

    ActionRun run = ActionRun.run(env, temp);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(Files.readString(project.resolve("gl-code-quality-report.json")).strip())
        .isEqualTo("[ ]");
    assertThat(run.out()).contains("plan: ");
    assertThat(gitlab.requests("GET")).isEmpty();
  }

  @Test
  void aPipelineScheduleAppliesNothingWhenNothingChangedAndSaysSo() throws Exception {
    FakeTerraform terraform = FakeTerraform.install(temp);
    Map<String, String> env = common(baseSha);
    env.put("CI_PIPELINE_SOURCE", "push");
    env.put("CI_COMMIT_BRANCH", "main");
    env.put("ZDP_DEPLOY", "apply");
    env.putAll(terraform.environment());
    assertThat(ActionRun.run(env, temp).exitCode()).isZero();
    assertThat(terraform.applies()).hasSize(1);
    terraform.clear();
    env.put("CI_PIPELINE_SOURCE", "schedule");

    ActionRun run = ActionRun.run(env, temp);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(terraform.applies()).isEmpty();
    assertThat(run.out())
        .contains("zdp: Started by a schedule (schedule), not by a push: main at ")
        .contains("No changes: the plan of every root module (zero) is empty");
  }
}
