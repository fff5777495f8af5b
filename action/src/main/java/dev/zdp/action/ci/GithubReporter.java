package dev.zdp.action.ci;

import dev.zdp.action.ci.github.StepSummary;
import dev.zdp.action.ci.github.StickyComment;
import dev.zdp.action.ci.github.WorkflowOutputs;
import dev.zdp.action.ci.report.CheckResult;
import dev.zdp.action.ci.report.FileLinks;
import dev.zdp.action.ci.report.ReportMarkdown;
import dev.zdp.action.deploy.LogFolds;
import dev.zdp.action.engine.ModelAtCommit;
import dev.zdp.generator.plan.Action;
import dev.zdp.validator.change.ChangeValidator;
import dev.zdp.validator.report.GithubFormat;
import dev.zdp.validator.report.RuleDescription;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Reports a run on GitHub: annotations as workflow commands on stdout, the SARIF file, the sticky
 * pull request comment, the job summary and the step outputs. A token that may not comment (a
 * fork's pull request) costs the comment only, with a notice.
 */
final class GithubReporter implements Forge {

  private final ActionEnvironment env;
  private final PrintWriter out;

  GithubReporter(ActionEnvironment env, PrintWriter out) {
    this.env = env;
    this.out = out;
  }

  @Override
  public String changeRequest(long number) {
    return "pull request #" + number;
  }

  @Override
  public LogFolds logFolds() {
    return LogFolds.github();
  }

  @Override
  public PersonIdent commitAuthor() {
    return new PersonIdent(
        "github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com");
  }

  @Override
  public String pushUser() {
    return "x-access-token";
  }

  /**
   * @param sha the commit the findings' lines are linked at
   * @param pullRequest the pull request to comment on, if any
   */
  @Override
  public void report(
      CheckResult result,
      ModelAtCommit head,
      String sha,
      Optional<Long> pullRequest,
      boolean artifactsChanged)
      throws IOException {
    List<RuleDescription> rules = ChangeValidator.builtIn().descriptions();
    new GithubFormat(rules, result.filesRead()).write(result.report(), out);
    out.flush();
    ReportFiles.sarif(env, result, head, rules);
    FileLinks links = FileLinks.github(serverUrl(), env.repositoryName(), sha);
    pullRequest.ifPresent(number -> comment(result, links, number));
    if (env.summaryFile().isPresent()) {
      StepSummary.append(env.summaryFile().get(), ReportMarkdown.full(result, links));
    }
    if (env.outputFile().isPresent()) {
      WorkflowOutputs.append(
          env.outputFile().get(), outputs(result, artifactsChanged, env.inputs().sarifPath()));
    }
  }

  private void comment(CheckResult result, FileLinks links, long number) {
    if (env.inputs().token().isEmpty()) {
      out.println("::notice::zdp did not comment on the pull request: the token input is empty");
      return;
    }
    String body = ReportMarkdown.comment(result, links, "in the job summary");
    try {
      StickyComment.Outcome outcome =
          StickyComment.connect(env.apiUrl(), env.inputs().token().get(), ReportMarkdown.MARKER)
              .publish(env.repositoryName(), Math.toIntExact(number), body);
      out.println(
          switch (outcome) {
            case CREATED -> "zdp: commented on pull request #" + number;
            case UPDATED -> "zdp: updated its comment on pull request #" + number;
            case UNCHANGED ->
                "zdp: its comment on pull request #" + number + " already says this; left alone";
          });
    } catch (StickyComment.NotAllowed e) {
      out.println(
          "::notice::"
              + e.getMessage()
              + ". The report is in the job summary and the annotations.");
    } catch (IOException e) {
      out.println(
          "::warning::zdp could not comment on pull request #"
              + number
              + ": "
              + e.getMessage()
              + ". The report is in the job summary and the annotations.");
    }
    out.flush();
  }

  private String serverUrl() {
    return env.webUrl().substring(0, env.webUrl().length() - env.repositoryName().length() - 1);
  }

  static Map<String, String> outputs(
      CheckResult result, boolean artifactsChanged, String sarifPath) {
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("errors", Long.toString(result.report().errors()));
    outputs.put("warnings", Long.toString(result.report().warnings()));
    outputs.put("plan-add", Integer.toString(result.planned(Action.ADD)));
    outputs.put("plan-change", Integer.toString(result.planned(Action.CHANGE)));
    outputs.put("plan-destroy", Integer.toString(result.planned(Action.DESTROY)));
    outputs.put("plan-destructive", Integer.toString(result.destructive()));
    outputs.put("artifacts-changed", Boolean.toString(artifactsChanged));
    outputs.put("sarif-path", sarifPath);
    outputs.put("verdict", result.verdict());
    return outputs;
  }
}
