package dev.zdp.action.ci;

import dev.zdp.action.ci.report.AffectedGraph;
import dev.zdp.action.ci.report.CheckResult;
import dev.zdp.action.engine.CheckCache;
import dev.zdp.action.engine.ModelAtCommit;
import dev.zdp.generator.Generator;
import dev.zdp.generator.plan.Plan;
import dev.zdp.generator.plan.Planner;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.validator.Report;
import dev.zdp.validator.change.ChangeValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Checks a pull or merge request: the head model validated as a change of the base (ownership
 * judged against the change's source, breaking changes allowed by the label), and the plan of what
 * merging it would generate. Both models are read from git as data; nothing from the proposed
 * change runs (both sides render with the base's templates), so this is safe on a fork's pull
 * request with {@code pull_request_target}.
 */
final class ChangeCheck {

  private ChangeCheck() {}

  /** The check, and the head model's file count and model-wide file for the report formats. */
  record Outcome(CheckResult result, ModelAtCommit head) {}

  static Outcome run(ActionEnvironment env, Trigger.ChangeRequest change, String subject)
      throws ModelSourceException {
    ActionInputs inputs = env.inputs();
    ModelAtCommit.Change sides =
        ModelAtCommit.Change.read(env.modelDirectory(), change.baseSha(), change.headSha());
    ModelAtCommit base = sides.base();
    ModelAtCommit head = sides.head();
    boolean allowBreaking = change.labels().contains(inputs.allowBreakingChangesLabel());
    CheckCache cache = env.checkCache();
    // each side's single-model findings kept by its tree id: the base's were usually found by
    // the run on the live branch, and are not looked for again
    Report report =
        ChangeValidator.builtIn()
            .validate(
                base.loaded(),
                () -> cache.findings(base),
                head.loaded(),
                cache.findings(head),
                Optional.of(change.changeSource()),
                allowBreaking);
    List<String> notes = new ArrayList<>();
    if (allowBreaking) {
      notes.add(
          "The label '"
              + inputs.allowBreakingChangesLabel()
              + "' is set: breaking changes are reported as warnings, not errors.");
    }
    if (TemplateChanges.between(env.modelDirectory(), change.baseSha(), change.headSha())) {
      notes.add(
          "This change edits templates/: the plan renders both sides with the live templates"
              + " (zdp never runs templates from a proposed change); the new templates take"
              + " effect once merged.");
    }
    Optional<Plan> plan = Optional.empty();
    try {
      // Both sides render with the live templates, so only the datastores that differ need to.
      BiPredicate<String, IngestedDatastore> differing =
          new Generator(inputs.shardSize()).differences(base.model(), head.model());
      plan =
          Optional.of(
              Planner.diff(
                  base.render(inputs.shardSize(), change.baseSha(), differing),
                  head.render(inputs.shardSize(), change.baseSha(), differing),
                  base.graph(),
                  head.graph()));
    } catch (RuntimeException e) {
      notes.add("No plan: the head model cannot be rendered (" + e.getMessage() + ").");
    }
    Optional<IntentionGraph> affected;
    try {
      affected = AffectedGraph.between(base.model(), head.model());
    } catch (RuntimeException e) {
      affected = Optional.empty();
    }
    return new Outcome(
        new CheckResult(
            subject, report, head.filesRead(), inputs.failOnWarnings(), plan, affected, notes),
        head);
  }
}
