package dev.zdp.action.ci;

import dev.zdp.model.load.ModelSourceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code zdp action}: the container's entrypoint. Reads the GitHub Actions or GitLab CI environment
 * and does what the event calls for: a pull or merge request is validated as a change, planned and
 * reported (comment or note, annotations, summary, outputs, SARIF or Code Quality); a push to the
 * live branch (or a scheduled or manual run) is validated, generated and deployed as the {@code
 * deploy} input says. See docs/action.md.
 */
@Command(
    name = "action",
    mixinStandardHelpOptions = true,
    description =
        "Run as the GitHub or GitLab action: check a pull request, or generate and deploy the"
            + " live branch, as the CI environment says (docs/action.md).",
    footer = {
      "",
      "Exit codes: 0 the check passed or the deploy succeeded, 1 the model has errors (or"
          + " warnings with fail-on-warnings) or the deploy failed, 2 could not run (unknown"
          + " event, missing environment)."
    })
public final class ActionCommand implements Callable<Integer> {

  private final Map<String, String> environment;
  private final Path workingDirectory;

  @Spec CommandSpec spec;

  /**
   * @param environment the process environment (tests hand in their own)
   * @param workingDirectory the work tree when the environment names none
   */
  public ActionCommand(Map<String, String> environment, Path workingDirectory) {
    this.environment = Map.copyOf(environment);
    this.workingDirectory = workingDirectory;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      ActionEnvironment env = ActionEnvironment.read(environment, workingDirectory);
      int code =
          env.trigger() instanceof Trigger.ChangeRequest change
              ? check(env, change, out)
              : live(env, (Trigger.LiveUpdate) env.trigger(), out);
      out.flush();
      return code;
    } catch (ActionSetupException | ModelSourceException e) {
      out.flush();
      err.println("zdp: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private static int check(ActionEnvironment env, Trigger.ChangeRequest change, PrintWriter out)
      throws ModelSourceException, IOException {
    Forge forge = Forge.of(env, out);
    ChangeCheck.Outcome outcome =
        ChangeCheck.run(env, change, forge.changeRequest(change.number()));
    forge.report(
        outcome.result(),
        outcome.head(),
        change.headSha(),
        Optional.of(change.number()),
        outcome.result().artifactsChange());
    return outcome.result().passes() ? 0 : 1;
  }

  private static int live(ActionEnvironment env, Trigger.LiveUpdate update, PrintWriter out)
      throws ModelSourceException, IOException {
    LiveRun.Outcome outcome = new LiveRun(env, out).run(update);
    Forge.of(env, out)
        .report(
            outcome.result(),
            outcome.model(),
            update.sha(),
            Optional.empty(),
            outcome.artifactsChanged());
    return outcome.succeeded() ? 0 : 1;
  }
}
