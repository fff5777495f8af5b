package dev.zdp.action.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the CI's environment, and the one line (exit 2) when it cannot. */
class ActionEnvironmentTest {

  @TempDir Path temp;

  private Map<String, String> push() {
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_EVENT_NAME", "push");
    env.put("GITHUB_REPOSITORY", "acme/data-model");
    env.put("GITHUB_WORKSPACE", temp.toString());
    env.put("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567");
    env.put("GITHUB_REF_NAME", "main");
    return env;
  }

  @Test
  void inputsKeepTheirHyphensAsGithubPassesThem() {
    Map<String, String> env = push();
    env.put("INPUT_MODEL-PATH", "model");
    env.put("INPUT_DEPLOY", "commit");
    env.put("INPUT_OUTPUT-PATH", "out");
    env.put("INPUT_COMMIT-BRANCH", "deploy");
    env.put("INPUT_FAIL-ON-WARNINGS", "true");
    env.put("INPUT_SHARD-SIZE", "50");
    env.put("INPUT_GITHUB-API-URL", "https://ghe.example.com/api/v3");
    env.put("INPUT_SARIF-PATH", "reports/zdp.sarif");

    ActionEnvironment read = ActionEnvironment.read(env, Path.of("/elsewhere"));

    ActionInputs inputs = read.inputs();
    assertThat(read.modelDirectory()).isEqualTo(temp.resolve("model"));
    assertThat(read.outputDirectory()).isEqualTo(temp.resolve("out"));
    assertThat(inputs.deploy()).isEqualTo(Deploy.COMMIT);
    assertThat(inputs.commitBranch()).contains("deploy");
    assertThat(inputs.failOnWarnings()).isTrue();
    assertThat(inputs.shardSize()).contains(50);
    assertThat(read.apiUrl()).isEqualTo("https://ghe.example.com/api/v3");
    assertThat(inputs.sarifPath()).isEqualTo("reports/zdp.sarif");
    assertThat(read.trigger())
        .isEqualTo(
            new Trigger.LiveUpdate(
                "0123456789abcdef0123456789abcdef01234567", "main", "push", Optional.empty()));
  }

  @Test
  void aPushSaysWhatTheBranchHeldBeforeAManualRunDoesNot() throws Exception {
    String before = "89abcdef0123456789abcdef0123456789abcdef";
    Path payload =
        Files.writeString(
            temp.resolve("push.json"), "{\"before\":\"" + before + "\",\"after\":\"x\"}");
    Map<String, String> env = push();
    env.put("GITHUB_EVENT_PATH", payload.toString());

    assertThat(((Trigger.LiveUpdate) ActionEnvironment.read(env, temp).trigger()).before())
        .contains(before);

    env.put("GITHUB_EVENT_NAME", "workflow_dispatch");
    assertThat(((Trigger.LiveUpdate) ActionEnvironment.read(env, temp).trigger()).before())
        .isEmpty();

    env.put("GITHUB_EVENT_NAME", "push");
    env.put("GITHUB_EVENT_PATH", temp.resolve("missing.json").toString());
    assertThat(((Trigger.LiveUpdate) ActionEnvironment.read(env, temp).trigger()).before())
        .as("an unreadable payload costs only the comparison")
        .isEmpty();
  }

  @Test
  void aGitlabBranchPipelineTakesTheCommitBeforeThePush() {
    Map<String, String> env = new HashMap<>();
    env.put("GITLAB_CI", "true");
    env.put("CI_PIPELINE_SOURCE", "push");
    env.put("CI_COMMIT_BRANCH", "main");
    env.put("CI_COMMIT_SHA", "0123456789abcdef0123456789abcdef01234567");
    env.put("CI_COMMIT_BEFORE_SHA", "89abcdef0123456789abcdef0123456789abcdef");
    env.put("CI_PROJECT_DIR", temp.toString());

    assertThat(ActionEnvironment.read(env, temp).trigger())
        .isEqualTo(
            new Trigger.LiveUpdate(
                "0123456789abcdef0123456789abcdef01234567",
                "main",
                "push",
                Optional.of("89abcdef0123456789abcdef0123456789abcdef")));
  }

  @Test
  void blankInputsTakeTheContractsDefaults() {
    Map<String, String> env = push();
    env.put("INPUT_DEPLOY", "");
    env.put("INPUT_COMMIT-BRANCH", "");

    ActionInputs inputs = ActionEnvironment.read(env, temp).inputs();

    assertThat(inputs.modelPath()).isEqualTo(".");
    assertThat(inputs.deploy()).isEqualTo(Deploy.NONE);
    assertThat(inputs.outputPath()).isEqualTo("generated");
    assertThat(inputs.commitBranch()).isEmpty();
    assertThat(inputs.allowBreakingChangesLabel()).isEqualTo("allow-breaking-changes");
    assertThat(inputs.failOnWarnings()).isFalse();
    assertThat(inputs.shardSize()).isEmpty();
    assertThat(inputs.sarifPath()).isEqualTo("zdp.sarif");
    assertThat(inputs.githubApiUrl()).isEqualTo("https://api.github.com");
  }

  @Test
  void aMistypedDeployIsNamedWithTheNearestChoice() {
    Map<String, String> env = push();
    env.put("INPUT_DEPLOY", "comit");

    assertThatThrownBy(() -> ActionEnvironment.read(env, temp))
        .isInstanceOf(ActionSetupException.class)
        .hasMessage(
            "input 'deploy' is 'comit'; did you mean 'commit'? use one of none, commit, apply");
  }

  @Test
  void gitlabVariablesUseTheZdpPrefix() {
    Map<String, String> env = new HashMap<>();
    env.put("GITLAB_CI", "true");
    env.put("CI_PIPELINE_SOURCE", "push");
    env.put("CI_COMMIT_BRANCH", "main");
    env.put("CI_COMMIT_SHA", "abc");
    env.put("CI_PROJECT_DIR", temp.toString());
    env.put("ZDP_DEPLOY", "apply");
    env.put("ZDP_FAIL_ON_WARNINGS", "yes");

    assertThatThrownBy(() -> ActionEnvironment.read(env, temp))
        .hasMessage("variable ZDP_FAIL_ON_WARNINGS is 'yes'; use true or false");
  }

  @Test
  void anUnknownEventExitsWithTwoAndOneLine() {
    Map<String, String> env = push();
    env.put("GITHUB_EVENT_NAME", "issue_comment");

    ActionRun run = ActionRun.run(env, temp);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            "zdp: zdp action does not handle the 'issue_comment' event; run it on pull_request,"
                + " pull_request_target, push, schedule or workflow_dispatch");
  }

  @Test
  void outsideCiItSaysWhatToRunInstead() {
    ActionRun run = ActionRun.run(Map.of("PATH", "/usr/bin"), temp);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("zdp: zdp action runs in GitHub Actions or GitLab CI");
  }

  @Test
  void aPayloadWithoutAPullRequestIsNamed() throws Exception {
    Path payload = Files.writeString(temp.resolve("event.json"), "{\"action\":\"opened\"}");
    Map<String, String> env = push();
    env.put("GITHUB_EVENT_NAME", "pull_request_target");
    env.put("GITHUB_EVENT_PATH", payload.toString());

    ActionRun run = ActionRun.run(env, temp);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("has no pull_request object");
  }

  @Test
  void aShaMissingFromAShallowCloneSaysToFetchIt() throws Exception {
    org.eclipse.jgit.api.Git.init().setDirectory(temp.toFile()).call().close();
    Files.writeString(temp.resolve("ecosystem.yaml"), "kind: Ecosystem\n");

    ActionRun run = ActionRun.run(push(), temp);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("zdp: ").contains("0123456789abcdef");
  }
}
