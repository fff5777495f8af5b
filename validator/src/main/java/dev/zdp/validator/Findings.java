package dev.zdp.validator;

import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a rule reports what it found. It fills in the rule id, the severity and the source location
 * of the object path, so a rule says only what is wrong, where in the model, and how to fix it.
 */
public final class Findings {

  private final Model model;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private Rule current;

  /** Runs {@code rule} over {@code model} and returns what it found, in the order found. */
  public static List<Diagnostic> of(Rule rule, Model model) {
    Findings findings = new Findings(model);
    findings.startRule(rule);
    rule.check(model, findings);
    return findings.diagnostics();
  }

  Findings(Model model) {
    this.model = model;
  }

  void startRule(Rule rule) {
    this.current = rule;
  }

  /** Reports a finding at the rule's default severity, located at {@code path}. */
  public void report(ObjectPath path, String message, String hint) {
    report(current.defaultSeverity(), path, message, hint);
  }

  /** Reports a finding at an explicit severity (for rules whose severity depends on the case). */
  public void report(Severity severity, ObjectPath path, String message, String hint) {
    diagnostics.add(
        new Diagnostic(
            current.id(), severity, message, model.locate(path), Optional.of(path), hint));
  }

  /** Reports a finding at an explicit location, for a node the object path cannot address. */
  public void reportAt(
      Severity severity, SourceLocation location, ObjectPath path, String message, String hint) {
    diagnostics.add(
        new Diagnostic(
            current.id(), severity, message, Optional.of(location), Optional.of(path), hint));
  }

  /** Reports a finding about the model as a whole, which has no single line. */
  public void reportModel(String message, String hint) {
    diagnostics.add(
        new Diagnostic(
            current.id(),
            current.defaultSeverity(),
            message,
            Optional.empty(),
            Optional.empty(),
            hint));
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
