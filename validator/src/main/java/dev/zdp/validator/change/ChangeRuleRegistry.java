package dev.zdp.validator.change;

import dev.zdp.validator.Severity;
import dev.zdp.validator.change.compatibility.ClassificationAddedNotAllowed;
import dev.zdp.validator.change.compatibility.ColumnAddedNotNullable;
import dev.zdp.validator.change.compatibility.ColumnNullabilityChanged;
import dev.zdp.validator.change.compatibility.ColumnRemoved;
import dev.zdp.validator.change.compatibility.ColumnTypeChanged;
import dev.zdp.validator.change.compatibility.ColumnTypeNarrowed;
import dev.zdp.validator.change.compatibility.DatasetRemoved;
import dev.zdp.validator.change.compatibility.DatastoreRemoved;
import dev.zdp.validator.change.compatibility.PrimaryKeyChanged;
import dev.zdp.validator.change.compatibility.SourceRepointed;
import dev.zdp.validator.change.compatibility.ZeroSchemaEvolution;
import dev.zdp.validator.change.ownership.ChangeSourceOwnsNothing;
import dev.zdp.validator.change.ownership.FirstModelSource;
import dev.zdp.validator.change.ownership.ObjectOwnership;
import dev.zdp.validator.report.RuleDescription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one explicit list of change rules, kept apart from the single-model {@link
 * dev.zdp.validator.RuleRegistry}. A new change rule is added to {@link #builtIn()} and nowhere
 * else; ids are unique.
 */
public final class ChangeRuleRegistry {

  private final Map<String, ChangeRule> rules;

  public ChangeRuleRegistry(List<ChangeRule> rules) {
    Map<String, ChangeRule> byId = new LinkedHashMap<>();
    for (ChangeRule rule : rules) {
      ChangeRule previous = byId.putIfAbsent(rule.id(), rule);
      if (previous != null) {
        throw new IllegalArgumentException(
            "two change rules share the id '"
                + rule.id()
                + "': "
                + previous.getClass().getName()
                + " and "
                + rule.getClass().getName());
      }
    }
    this.rules = Collections.unmodifiableMap(byId);
  }

  /** Every change rule zdp ships, in the order they run. */
  public static ChangeRuleRegistry builtIn() {
    return new ChangeRuleRegistry(
        List.of(
            // who may change what
            new FirstModelSource(),
            new ChangeSourceOwnsNothing(),
            new ObjectOwnership(),
            // what consumers of a dataset rely on
            new DatastoreRemoved(),
            new DatasetRemoved(),
            new SourceRepointed(),
            new ColumnRemoved(),
            new ColumnTypeNarrowed(),
            new ColumnTypeChanged(),
            new ColumnNullabilityChanged(),
            new ColumnAddedNotNullable(),
            new PrimaryKeyChanged(),
            new ClassificationAddedNotAllowed(),
            new ZeroSchemaEvolution()));
  }

  public List<ChangeRule> rules() {
    return List.copyOf(rules.values());
  }

  /**
   * The ids of every change rule, which {@link ChangeValidator} lets {@code spec.rules} set without
   * reporting them as unknown.
   */
  public List<String> ids() {
    return List.copyOf(rules.keySet());
  }

  /**
   * What reports say about every id the change rules can add: each rule (its level adjustable in
   * {@code spec.rules} unless it is an ownership rule), then {@value ChangeValidator#INVALID_BASE}.
   * Formats that list rules (SARIF, GitHub titles) take these besides {@link
   * RuleDescription#allOf}.
   */
  public List<RuleDescription> descriptions() {
    List<RuleDescription> all = new ArrayList<>();
    for (ChangeRule rule : rules.values()) {
      all.add(
          new RuleDescription(
              rule.id(),
              rule.summary(),
              rule.defaultSeverity(),
              rule.category() != ChangeCategory.OWNERSHIP));
    }
    all.add(
        new RuleDescription(
            ChangeValidator.INVALID_BASE,
            "The live (base) model is valid; its problems are warnings that never block the change"
                + " that fixes them",
            Severity.WARNING,
            false));
    return List.copyOf(all);
  }

  public Optional<ChangeRule> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }
}
