package dev.zdp.action.ci.report;

import dev.zdp.generator.plan.Action;
import dev.zdp.generator.plan.Plan;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.validator.Report;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of the action found: the validation report, the plan of what generating would
 * change, and the part of the graph it touches.
 *
 * @param subject what was checked, for the heading ("pull request #12", "main at 1a2b3c4")
 * @param filesRead how many model files the head has
 * @param strict warnings fail too ({@code fail-on-warnings})
 * @param plan empty when no plan could be made (the head model has errors)
 * @param affected the affected part of the intention graph, when anything is affected
 * @param notes short lines worth saying above the plan (why there is no plan, what was skipped)
 * @param deployFailed the deploy that followed a passing check failed (the run fails too)
 */
public record CheckResult(
    String subject,
    Report report,
    int filesRead,
    boolean strict,
    Optional<Plan> plan,
    Optional<IntentionGraph> affected,
    List<String> notes,
    boolean deployFailed) {

  /** A check with no deploy after it. */
  public CheckResult(
      String subject,
      Report report,
      int filesRead,
      boolean strict,
      Optional<Plan> plan,
      Optional<IntentionGraph> affected,
      List<String> notes) {
    this(subject, report, filesRead, strict, plan, affected, notes, false);
  }

  public CheckResult {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(affected, "affected");
    notes = List.copyOf(notes);
  }

  public boolean passes() {
    return !report.fails(strict) && !deployFailed;
  }

  /** {@code pass} or {@code fail}, the {@code verdict} output. */
  public String verdict() {
    return passes() ? "pass" : "fail";
  }

  public int planned(Action action) {
    return plan.map(p -> p.with(action).size()).orElse(0);
  }

  public int destructive() {
    return plan.map(p -> p.destructive().size()).orElse(0);
  }

  /** Whether generating the head changes any artifact. */
  public boolean artifactsChange() {
    return plan.map(p -> !p.isEmpty()).orElse(false);
  }
}
