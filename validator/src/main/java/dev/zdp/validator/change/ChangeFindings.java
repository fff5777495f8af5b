package dev.zdp.validator.change;

import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.validator.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a change rule reports what it found. A finding about something that exists in the proposed
 * model is located at its line in the head files; a finding about something removed is located at
 * its old line in the base files, since the head has no line for it.
 */
public final class ChangeFindings {

  /** A finding and the rule that made it, before levels and overrides are applied. */
  record Found(ChangeRule rule, Diagnostic diagnostic) {}

  private final Model base;
  private final Model head;
  private final List<Found> found = new ArrayList<>();
  private ChangeRule current;

  ChangeFindings(Model base, Model head) {
    this.base = base;
    this.head = head;
  }

  void startRule(ChangeRule rule) {
    this.current = rule;
  }

  /** Reports a finding about {@code path} as it is in the head (added or changed). */
  public void report(ObjectPath path, String message, String hint) {
    add(message, hint, head.locate(path), Optional.of(path));
  }

  /** Reports a finding about {@code path} as it was in the base (removed), at its old line. */
  public void reportRemoved(ObjectPath path, String message, String hint) {
    add(message, hint, base.locate(path), Optional.of(path));
  }

  /** Reports a finding about the change as a whole, which has no single line. */
  public void reportChange(String message, String hint) {
    add(message, hint, Optional.empty(), Optional.empty());
  }

  private void add(
      String message, String hint, Optional<SourceLocation> location, Optional<ObjectPath> path) {
    found.add(
        new Found(
            current,
            new Diagnostic(
                current.id(), current.defaultSeverity(), message, location, path, hint)));
  }

  List<Found> found() {
    return found;
  }
}
