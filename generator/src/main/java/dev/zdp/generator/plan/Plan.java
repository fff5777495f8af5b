package dev.zdp.generator.plan;

import java.util.List;

/**
 * What generating the head model would add, change and destroy, against the base model's output.
 */
public record Plan(List<PlannedChange> changes) {

  public Plan {
    changes = changes.stream().sorted(PlannedChange.ORDER).toList();
  }

  public List<PlannedChange> with(Action action) {
    return changes.stream().filter(c -> c.action() == action).toList();
  }

  public List<PlannedChange> destructive() {
    return changes.stream().filter(PlannedChange::destructive).toList();
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
