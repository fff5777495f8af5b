package dev.zdp.validator.change;

import dev.zdp.model.Ecosystem;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Suggestions;
import dev.zdp.model.load.LoadProblem;
import dev.zdp.model.load.LoadResult;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Report;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleLevels;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import dev.zdp.validator.report.RuleDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the single-model rules of a registry over a loaded model, for {@link ChangeValidator}, the
 * one public entry point (which knows every rule id {@code spec.rules} may set). Load problems
 * become error diagnostics under their own ids; rule findings are then adjusted by the ecosystem's
 * {@code spec.rules} levels.
 */
final class Validator {

  /**
   * From this many datastores on, rules run on the common fork-join pool's threads; their findings
   * are put together in registry order, as one after the other.
   */
  private static final int PARALLEL_FROM_DATASTORES = 100;

  private final RuleRegistry registry;
  private final List<String> otherRuleIds;

  /**
   * @param otherRuleIds ids of rules run elsewhere (the change rules) that {@code spec.rules} may
   *     also set, so they are not reported as unknown
   */
  Validator(RuleRegistry registry, List<String> otherRuleIds) {
    this.registry = registry;
    this.otherRuleIds = List.copyOf(otherRuleIds);
  }

  Report validate(LoadResult loaded) {
    List<Diagnostic> all = new ArrayList<>();
    for (LoadProblem problem : loaded.problems()) {
      all.add(
          new Diagnostic(
              problem.code().id(),
              problem.code().warning() ? Severity.WARNING : Severity.ERROR,
              problem.message(),
              Optional.of(problem.location()),
              problem.path(),
              problem.hint()));
    }
    all.addAll(check(loaded.model()));
    return new Report(all);
  }

  /** Runs every rule over {@code model}, with the model's own rule levels applied. */
  List<Diagnostic> check(Model model) {
    Stream<Rule> rules = registry.rules().stream();
    if (model.datastores().size() >= PARALLEL_FROM_DATASTORES) {
      rules = rules.parallel();
    }
    List<Diagnostic> found = rules.flatMap(rule -> Findings.of(rule, model).stream()).toList();
    RuleLevels levels = new RuleLevels(model.ecosystem().map(Ecosystem::rules).orElse(Map.of()));
    List<Diagnostic> result = new ArrayList<>();
    found.forEach(d -> levels.apply(d).ifPresent(result::add));
    model.ecosystem().ifPresent(e -> result.addAll(unknownRuleLevels(model, e)));
    return result;
  }

  private List<Diagnostic> unknownRuleLevels(Model model, Ecosystem ecosystem) {
    List<String> known =
        Stream.concat(
                registry.rules().stream().map(Rule::id),
                Arrays.stream(LoadProblem.Code.values()).map(LoadProblem.Code::id))
            .toList();
    List<Diagnostic> result = new ArrayList<>();
    for (String id : ecosystem.rules().keySet()) {
      if (registry.rule(id).isPresent() || otherRuleIds.contains(id)) {
        continue;
      }
      ObjectPath path =
          ObjectPath.of(dev.zdp.model.Kind.ECOSYSTEM, ecosystem.name()).item("rules", id);
      boolean structural = known.contains(id);
      String message =
          structural
              ? "rule '" + id + "' reports unreadable model files and cannot be turned off or down"
              : "unknown rule '" + id + "' in spec.rules";
      String hint =
          structural
              ? "remove it from spec.rules"
              : Suggestions.nearest(
                      id,
                      Stream.concat(registry.rules().stream().map(Rule::id), otherRuleIds.stream())
                          .toList())
                  .map(s -> "did you mean '" + s + "'? `zdp rules` lists every rule id")
                  .orElse("`zdp rules` lists every rule id");
      result.add(
          new Diagnostic(
              RuleDescription.RULE_CONFIG,
              Severity.ERROR,
              message,
              model.locate(path),
              Optional.of(path),
              hint));
    }
    return result;
  }
}
