package dev.zdp.validator.report;

import dev.zdp.model.load.LoadProblem;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a report says about one id a diagnostic can carry: a rule of the registry, a problem found
 * while reading the model files, or {@code rule-config}. Formats that list the rules (SARIF) or
 * title a finding by its rule (GitHub annotations) take these.
 *
 * @param summary one line saying what is required, as {@code zdp rules} prints it
 * @param adjustable whether the Ecosystem's {@code spec.rules} can change its level
 */
public record RuleDescription(
    String id, String summary, Severity defaultSeverity, boolean adjustable) {

  /** The id under which unknown entries of {@code spec.rules} are reported. */
  public static final String RULE_CONFIG = "rule-config";

  /** The summary of {@link #RULE_CONFIG}, which is no rule of the registry. */
  static final String RULE_CONFIG_SUMMARY =
      "Every entry of spec.rules names a rule zdp has, and only rules can change level";

  public RuleDescription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(defaultSeverity, "defaultSeverity");
  }

  /**
   * Every id a report from {@code registry} can carry: the rules in registry order, then the load
   * problems in the order of {@link LoadProblem.Code}, then {@code rule-config}.
   */
  public static List<RuleDescription> allOf(RuleRegistry registry) {
    List<RuleDescription> all = new ArrayList<>();
    for (Rule rule : registry.rules()) {
      all.add(new RuleDescription(rule.id(), rule.summary(), rule.defaultSeverity(), true));
    }
    for (LoadProblem.Code code : LoadProblem.Code.values()) {
      Severity severity = code.warning() ? Severity.WARNING : Severity.ERROR;
      all.add(new RuleDescription(code.id(), code.summary(), severity, false));
    }
    all.add(new RuleDescription(RULE_CONFIG, RULE_CONFIG_SUMMARY, Severity.ERROR, false));
    return List.copyOf(all);
  }

  /** The paragraph SARIF viewers show under the summary. */
  String fullDescription() {
    String summary = summary().endsWith(".") ? summary() : summary() + ".";
    if (adjustable) {
      return summary
          + " Default severity: "
          + defaultSeverity.label()
          + "; the Ecosystem's spec.rules can set it to off, warning or error.";
    }
    return summary + " Always an error; it cannot be changed in spec.rules.";
  }

  /**
   * The id as an identifier, for SARIF's {@code name}: {@code sink-reference} is {@code
   * SinkReference}.
   */
  String identifier() {
    StringBuilder name = new StringBuilder();
    for (String word : id.split("-")) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return name.toString();
  }
}
