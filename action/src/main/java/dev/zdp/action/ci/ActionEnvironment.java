package dev.zdp.action.ci;

import dev.zdp.action.ci.github.PullRequestEvent;
import dev.zdp.action.ci.github.PushEvent;
import dev.zdp.action.engine.CheckCache;
import dev.zdp.model.RepositoryRef;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the action reads from its environment: which forge runs it, the inputs, the
 * repository's work tree, why it runs, and where to report. Read from the variables GitHub Actions
 * ({@code GITHUB_*}, {@code INPUT_*}, the event payload) or GitLab CI ({@code CI_*}, {@code ZDP_*})
 * set; tests hand in their own map.
 *
 * @param repository the root of the repository's work tree ({@code GITHUB_WORKSPACE}, {@code
 *     CI_PROJECT_DIR})
 * @param webUrl the repository's page ({@code https://github.com/acme/model}), for links
 * @param repositoryName {@code owner/name} on GitHub, the project path on GitLab
 * @param apiUrl the forge's REST API root
 * @param projectId GitLab's project id
 * @param outputFile GitHub's {@code GITHUB_OUTPUT}
 * @param summaryFile GitHub's {@code GITHUB_STEP_SUMMARY}
 * @param variables the whole environment, handed on to terraform
 */
public record ActionEnvironment(
    Forge forge,
    ActionInputs inputs,
    Path repository,
    Trigger trigger,
    String webUrl,
    String repositoryName,
    String apiUrl,
    Optional<String> projectId,
    Optional<Path> outputFile,
    Optional<Path> summaryFile,
    Map<String, String> variables) {

  /** The CI system the action runs in. */
  public enum Forge {
    GITHUB,
    GITLAB
  }

  public ActionEnvironment {
    variables = Map.copyOf(variables);
  }

  public Path modelDirectory() {
    return repository.resolve(inputs.modelPath()).normalize();
  }

  /** The check cache the {@code cache} input names, or none. */
  public CheckCache checkCache() {
    return CheckCache.in(inputs.cache().map(path -> repository.resolve(path).normalize()));
  }

  public Path outputDirectory() {
    return repository.resolve(inputs.outputPath()).normalize();
  }

  /**
   * Reads the environment.
   *
   * @param workingDirectory where the action was started: the work tree when no variable says
   * @throws ActionSetupException naming what is missing or wrong
   */
  public static ActionEnvironment read(Map<String, String> env, Path workingDirectory) {
    if (ActionInputs.value(env, "GITHUB_EVENT_NAME").isPresent()) {
      return github(env, workingDirectory);
    }
    if (ActionInputs.value(env, "GITLAB_CI").isPresent()
        || ActionInputs.value(env, "CI_PIPELINE_SOURCE").isPresent()) {
      return gitlab(env, workingDirectory);
    }
    throw new ActionSetupException(
        "zdp action runs in GitHub Actions or GitLab CI, and neither GITHUB_EVENT_NAME nor"
            + " CI_PIPELINE_SOURCE is set; outside CI use 'zdp validate', 'zdp plan' and"
            + " 'zdp generate'");
  }

  private static ActionEnvironment github(Map<String, String> env, Path workingDirectory) {
    ActionInputs inputs = ActionInputs.github(env);
    String event = required(env, "GITHUB_EVENT_NAME");
    String repositoryName = required(env, "GITHUB_REPOSITORY");
    Trigger trigger =
        switch (event) {
          case "pull_request", "pull_request_target" -> pullRequest(env);
          case "push", "schedule", "workflow_dispatch" ->
              new Trigger.LiveUpdate(
                  required(env, "GITHUB_SHA"),
                  required(env, "GITHUB_REF_NAME"),
                  event,
                  event.equals("push")
                      ? ActionInputs.value(env, "GITHUB_EVENT_PATH")
                          .flatMap(path -> PushEvent.before(Path.of(path)))
                      : Optional.empty());
          default ->
              throw new ActionSetupException(
                  "zdp action does not handle the '"
                      + event
                      + "' event; run it on pull_request, pull_request_target, push, schedule"
                      + " or workflow_dispatch");
        };
    String server = ActionInputs.value(env, "GITHUB_SERVER_URL").orElse("https://github.com");
    return new ActionEnvironment(
        Forge.GITHUB,
        inputs,
        ActionInputs.value(env, "GITHUB_WORKSPACE").map(Path::of).orElse(workingDirectory),
        trigger,
        trimSlash(server) + "/" + repositoryName,
        repositoryName,
        inputs.githubApiUrl(),
        Optional.empty(),
        ActionInputs.value(env, "GITHUB_OUTPUT").map(Path::of),
        ActionInputs.value(env, "GITHUB_STEP_SUMMARY").map(Path::of),
        env);
  }

  private static Trigger pullRequest(Map<String, String> env) {
    Path payload = Path.of(required(env, "GITHUB_EVENT_PATH"));
    PullRequestEvent pr;
    try {
      pr = PullRequestEvent.read(payload);
    } catch (IllegalArgumentException e) {
      throw new ActionSetupException(e.getMessage(), e);
    }
    return new Trigger.ChangeRequest(
        pr.number(),
        pr.baseSha(),
        pr.headSha(),
        source(pr.headRepository(), pr.headRef(), RepositoryRef.Host.GITHUB),
        pr.labels());
  }

  private static ActionEnvironment gitlab(Map<String, String> env, Path workingDirectory) {
    ActionInputs inputs = ActionInputs.gitlab(env);
    String pipelineSource = ActionInputs.value(env, "CI_PIPELINE_SOURCE").orElse("");
    Trigger trigger;
    if (pipelineSource.equals("merge_request_event")) {
      trigger =
          new Trigger.ChangeRequest(
              iid(required(env, "CI_MERGE_REQUEST_IID")),
              required(env, "CI_MERGE_REQUEST_DIFF_BASE_SHA"),
              required(env, "CI_COMMIT_SHA"),
              source(
                  required(env, "CI_MERGE_REQUEST_SOURCE_PROJECT_PATH"),
                  required(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"),
                  RepositoryRef.Host.GITLAB),
              ActionInputs.value(env, "CI_MERGE_REQUEST_LABELS")
                  .map(l -> Arrays.stream(l.split(",")).map(String::strip).toList())
                  .orElse(List.of()));
    } else if (ActionInputs.value(env, "CI_COMMIT_BRANCH").isPresent()) {
      trigger =
          new Trigger.LiveUpdate(
              required(env, "CI_COMMIT_SHA"),
              required(env, "CI_COMMIT_BRANCH"),
              pipelineSource,
              ActionInputs.value(env, "CI_COMMIT_BEFORE_SHA"));
    } else {
      throw new ActionSetupException(
          "zdp action runs in merge request pipelines and branch pipelines; this '"
              + pipelineSource
              + "' pipeline has neither a merge request nor CI_COMMIT_BRANCH");
    }
    String projectPath = ActionInputs.value(env, "CI_PROJECT_PATH").orElse("");
    return new ActionEnvironment(
        Forge.GITLAB,
        inputs,
        ActionInputs.value(env, "CI_PROJECT_DIR").map(Path::of).orElse(workingDirectory),
        trigger,
        trimSlash(ActionInputs.value(env, "CI_PROJECT_URL").orElse("")),
        projectPath,
        ActionInputs.value(env, "CI_API_V4_URL").orElse("https://gitlab.com/api/v4"),
        ActionInputs.value(env, "CI_PROJECT_ID"),
        Optional.empty(),
        Optional.empty(),
        env);
  }

  private static RepositoryRef source(String path, String branch, RepositoryRef.Host host) {
    String written = (host == RepositoryRef.Host.GITLAB ? "gitlab:" : "") + path + "@" + branch;
    return RepositoryRef.parse(written)
        .orElseThrow(
            () ->
                new ActionSetupException(
                    "the change's source '"
                        + written
                        + "' is not a repository: "
                        + RepositoryRef.explain(written).orElse("")));
  }

  private static long iid(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ActionSetupException("CI_MERGE_REQUEST_IID is '" + text + "', not a number");
    }
  }

  private static String required(Map<String, String> env, String name) {
    return ActionInputs.value(env, name)
        .orElseThrow(
            () ->
                new ActionSetupException(
                    name + " is not set; zdp action needs the variables the CI sets for a job"));
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
