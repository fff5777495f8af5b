package dev.zdp.action.ci;

import dev.zdp.action.ci.gitlab.MergeRequestNote;
import dev.zdp.action.ci.report.CheckResult;
import dev.zdp.action.ci.report.FileLinks;
import dev.zdp.action.ci.report.ReportMarkdown;
import dev.zdp.action.deploy.LogFolds;
import dev.zdp.action.engine.ModelAtCommit;
import dev.zdp.generator.plan.PlanRenderer;
import dev.zdp.validator.report.TextFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Reports a run on GitLab: the text report in the job log, the Code Quality file (on every
 * pipeline, so the merge request widget can compare with the default branch) and the sticky merge
 * request note. A token that may not write notes costs the note only.
 */
final class GitlabReporter implements Forge {

  private final ActionEnvironment env;
  private final PrintWriter out;

  GitlabReporter(ActionEnvironment env, PrintWriter out) {
    this.env = env;
    this.out = out;
  }

  @Override
  public String changeRequest(long number) {
    return "merge request !" + number;
  }

  @Override
  public LogFolds logFolds() {
    return LogFolds.gitlab();
  }

  @Override
  public PersonIdent commitAuthor() {
    return new PersonIdent("zdp", "zdp@noreply.invalid");
  }

  @Override
  public String pushUser() {
    return "zdp";
  }

  /** GitLab has no place for whether the artifacts changed: the job log says it. */
  @Override
  public void report(
      CheckResult result,
      ModelAtCommit head,
      String sha,
      Optional<Long> mergeRequest,
      boolean artifactsChanged)
      throws IOException {
    new TextFormat(result.filesRead()).write(result.report(), out);
    result.plan().ifPresent(plan -> out.println("plan: " + PlanRenderer.summary(plan)));
    result.notes().forEach(note -> out.println("zdp: " + note));
    ReportFiles.codeQuality(env, result, head);
    out.flush();
    mergeRequest.ifPresent(iid -> note(result, FileLinks.gitlab(env.webUrl(), sha), iid));
  }

  private void note(CheckResult result, FileLinks links, long iid) {
    if (env.inputs().token().isEmpty() || env.projectId().isEmpty()) {
      out.println(
          "zdp: notice: no merge request note: set ZDP_GITLAB_TOKEN to a project access token"
              + " with the 'api' scope");
      return;
    }
    String body = ReportMarkdown.comment(result, links, "in the job log");
    try {
      MergeRequestNote.Outcome outcome =
          new MergeRequestNote(env.apiUrl(), env.inputs().token().get(), ReportMarkdown.MARKER)
              .publish(env.projectId().get(), iid, body);
      out.println(
          switch (outcome) {
            case CREATED -> "zdp: added a note to merge request !" + iid;
            case UPDATED -> "zdp: updated its note on merge request !" + iid;
            case UNCHANGED -> "zdp: its note on merge request !" + iid + " already says this";
          });
    } catch (MergeRequestNote.NotAllowed e) {
      out.println("zdp: notice: no merge request note: " + e.getMessage());
    } catch (IOException e) {
      out.println("zdp: warning: could not write the merge request note: " + e.getMessage());
    }
    out.flush();
  }
}
