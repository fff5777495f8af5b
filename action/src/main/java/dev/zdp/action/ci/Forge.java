package dev.zdp.action.ci;

import dev.zdp.action.ci.report.CheckResult;
import dev.zdp.action.deploy.LogFolds;
import dev.zdp.action.engine.ModelAtCommit;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Where a CI run reports and pushes: GitHub ({@link GithubReporter}: annotations, SARIF, sticky
 * pull-request comment, step summary, workflow outputs) or GitLab ({@link GitlabReporter}: job log,
 * Code Quality report, sticky merge-request note). {@link #of} picks one from the environment; the
 * check and live flows go through it and never ask which forge they run on.
 */
interface Forge {

  static Forge of(ActionEnvironment env, PrintWriter out) {
    return env.forge() == ActionEnvironment.Forge.GITHUB
        ? new GithubReporter(env, out)
        : new GitlabReporter(env, out);
  }

  /** {@code pull request #12} on GitHub, {@code merge request !12} on GitLab. */
  String changeRequest(long number);

  /**
   * Reports a run: findings in the log in the forge's format, the forge's report file, the sticky
   * comment or note on {@code changeRequest} when there is one, and the run's summary and outputs
   * where the forge has them.
   *
   * @param sha the commit the findings' lines are linked at
   */
  void report(
      CheckResult result,
      ModelAtCommit model,
      String sha,
      Optional<Long> changeRequest,
      boolean artifactsChanged)
      throws IOException;

  /** How the forge folds a section of the job log. */
  LogFolds logFolds();

  /** The author of commits zdp pushes. */
  PersonIdent commitAuthor();

  /** The user name that goes with the token when pushing over HTTPS. */
  String pushUser();
}
