package dev.zdp.validator.change;

import dev.zdp.model.Ecosystem;
import dev.zdp.model.RepositoryRef;
import dev.zdp.model.RuleLevel;
import dev.zdp.model.load.LoadResult;
import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.RuleLevels;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import dev.zdp.validator.report.RuleDescription;
import dev.zdp.validator.rules.deprecation.DeprecatedSink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one public entry point into validation: it knows every rule id {@code spec.rules} may set
 * (single-model rules and change rules), so every command and the sandbox validate through it.
 * {@link #validate(LoadResult)} checks one model; {@link #validate(LoadResult, LoadResult,
 * Optional, boolean)} judges a pull request: the single-model rules on the proposed model (head),
 * then the change rules on base against head.
 *
 * <ul>
 *   <li>An invalid base (the live model) is reported separately, as warnings under {@value
 *       #INVALID_BASE}, and only for problems the head no longer has: a change that fixes the live
 *       model is never blocked by what it fixes.
 *   <li>The change rules' levels come from the base's {@code spec.rules}, so a change cannot relax
 *       the checks that judge it; ownership rules ignore levels.
 *   <li>{@code allowBreakingChanges} turns compatibility and deprecation errors into warnings whose
 *       message starts with {@value #ALLOWED_PREFIX}; ownership errors stay errors. Deprecation is
 *       the single-model rule {@code deprecation} (a sink on deprecated data, naming the consuming
 *       team and its repository): it counts as a breaking change here.
 * </ul>
 */
public final class ChangeValidator {

  /** The rule id under which the base model's own errors are reported (as warnings). */
  public static final String INVALID_BASE = "invalid-base";

  /** How an overridden breaking change is marked, so it stays visible. */
  public static final String ALLOWED_PREFIX = "allowed breaking change: ";

  /**
   * Single-model rules whose errors in the head are breaking changes of a category, so {@code
   * allowBreakingChanges} treats them as it treats that category's change rules.
   */
  private static final Map<String, ChangeCategory> SINGLE_MODEL_CATEGORIES =
      Map.of(DeprecatedSink.ID, ChangeCategory.DEPRECATION);

  private final Validator validator;
  private final RuleRegistry rules;
  private final ChangeRuleRegistry changeRules;

  public ChangeValidator(RuleRegistry rules, ChangeRuleRegistry changeRules) {
    this.rules = rules;
    this.changeRules = changeRules;
    this.validator = new Validator(rules, changeRules.ids());
  }

  /** The built-in single-model rules and change rules. */
  public static ChangeValidator builtIn() {
    return new ChangeValidator(RuleRegistry.builtIn(), ChangeRuleRegistry.builtIn());
  }

  /**
   * Validates {@code head} as a change of {@code base}.
   *
   * @param changeSource who proposes the change (the pull request's head repository and branch);
   *     when empty, ownership is not checked
   * @param allowBreakingChanges turn compatibility and deprecation errors into warnings
   */
  public Report validate(
      LoadResult base,
      LoadResult head,
      Optional<RepositoryRef> changeSource,
      boolean allowBreakingChanges) {
    return validate(
        base,
        () -> validate(base).diagnostics(),
        head,
        validate(head).diagnostics(),
        changeSource,
        allowBreakingChanges);
  }

  /**
   * Validates {@code head} as a change of {@code base} as {@link #validate(LoadResult, LoadResult,
   * Optional, boolean)} does, with each side's single-model findings given: what {@link
   * #validate(LoadResult)} reported for that side, in its order, computed now or kept from an
   * earlier run on the same model files. {@code baseFindings} is asked only when the base is a
   * model (not the first commit of one).
   */
  public Report validate(
      LoadResult base,
      Supplier<List<Diagnostic>> baseFindings,
      LoadResult head,
      List<Diagnostic> headFindings,
      Optional<RepositoryRef> changeSource,
      boolean allowBreakingChanges) {
    List<Diagnostic> headDiagnostics = headFindings;
    List<Diagnostic> all = new ArrayList<>();
    for (Diagnostic d : headDiagnostics) {
      ChangeCategory category = SINGLE_MODEL_CATEGORIES.get(d.rule());
      boolean overridable = category != null && category.overridable();
      all.add(allowBreakingChanges && overridable ? allowed(d) : d);
    }
    boolean firstModel = base.model().isEmpty() && base.problems().isEmpty();
    if (!firstModel) {
      all.addAll(invalidBase(baseFindings.get(), headDiagnostics));
    }
    ModelChange change = new ModelChange(base.model(), head.model(), changeSource);
    all.addAll(check(change, allowBreakingChanges));
    return new Report(all);
  }

  /**
   * Validates one model on its own (no base): the single-model rules, with the change rules' ids
   * known to {@code spec.rules}.
   */
  public Report validate(LoadResult model) {
    return validator.validate(model);
  }

  /**
   * What reports say about every id this validator can report: the single-model rules, the load
   * problems, {@code rule-config}, then the change rules and {@value #INVALID_BASE}.
   */
  public List<RuleDescription> descriptions() {
    List<RuleDescription> all = new ArrayList<>(RuleDescription.allOf(rules));
    all.addAll(changeRules.descriptions());
    return List.copyOf(all);
  }

  /** Runs the change rules alone, with levels and the breaking-change override applied. */
  public List<Diagnostic> check(ModelChange change, boolean allowBreakingChanges) {
    ChangeFindings findings = new ChangeFindings(change.base(), change.head());
    for (ChangeRule rule : changeRules.rules()) {
      findings.startRule(rule);
      rule.check(change, findings);
    }
    RuleLevels levels = new RuleLevels(levels(change));
    List<Diagnostic> result = new ArrayList<>();
    for (ChangeFindings.Found found : findings.found()) {
      ChangeCategory category = found.rule().category();
      Optional<Diagnostic> leveled =
          category == ChangeCategory.OWNERSHIP
              ? Optional.of(found.diagnostic())
              : levels.apply(found.diagnostic());
      leveled.ifPresent(
          d -> result.add(allowBreakingChanges && category.overridable() ? allowed(d) : d));
    }
    return result;
  }

  /** An error turned into a warning marked as an allowed breaking change; others as they are. */
  private static Diagnostic allowed(Diagnostic d) {
    if (d.severity() != Severity.ERROR) {
      return d;
    }
    return new Diagnostic(
        d.rule(),
        Severity.WARNING,
        ALLOWED_PREFIX + d.message(),
        d.location(),
        d.object(),
        d.hint());
  }

  private static Map<String, RuleLevel> levels(ModelChange change) {
    Optional<Ecosystem> ecosystem = change.base().ecosystem().or(() -> change.head().ecosystem());
    return ecosystem.map(Ecosystem::rules).orElse(Map.of());
  }

  /** The base's errors the head does not also have, as warnings marked as the base's. */
  private static List<Diagnostic> invalidBase(List<Diagnostic> base, List<Diagnostic> head) {
    Set<String> inHead = new HashSet<>();
    head.forEach(d -> inHead.add(identity(d)));
    List<Diagnostic> result = new ArrayList<>();
    for (Diagnostic d : base) {
      if (d.severity() != Severity.ERROR || inHead.contains(identity(d))) {
        continue;
      }
      result.add(
          new Diagnostic(
              INVALID_BASE,
              Severity.WARNING,
              "the base model (before this change) is invalid: "
                  + d.message()
                  + " ["
                  + d.rule()
                  + "]",
              d.location(),
              d.object(),
              d.hint()));
    }
    return result;
  }

  private static String identity(Diagnostic d) {
    return d.rule() + "\n" + d.message() + "\n" + d.object().map(Object::toString).orElse("");
  }
}
