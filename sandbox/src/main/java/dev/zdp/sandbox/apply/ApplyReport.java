package dev.zdp.sandbox.apply;

import dev.zdp.sandbox.Change;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one apply did: a change per resource, in the order applied, and what the sandbox changed in
 * the generated settings to run them.
 */
public record ApplyReport(List<ResourceChange> changes, SortedSet<String> notes) {
  public ApplyReport {
    changes = List.copyOf(changes);
    notes = new TreeSet<>(notes);
  }

  /** True when every resource was already as generated: nothing was sent. */
  public boolean nothingChanged() {
    return changes.stream().allMatch(change -> change.change() == Change.UNCHANGED);
  }

  /** The changes of one kind. */
  public List<ResourceChange> of(Change change) {
    return changes.stream().filter(c -> c.change() == change).toList();
  }

  /**
   * Console lines: one per resource that changed, then a summary ({@code 2 created, 1 updated, 5
   * unchanged}), or {@code nothing to change} when nothing did.
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    changes.stream()
        .filter(change -> change.change() != Change.UNCHANGED)
        .forEach(change -> lines.add("  " + change));
    if (nothingChanged()) {
      lines.add("Apply: nothing to change (" + changes.size() + " resources as generated already)");
      return lines;
    }
    Map<Change, Integer> counts = new EnumMap<>(Change.class);
    changes.forEach(change -> counts.merge(change.change(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (change, count) -> parts.add(count + " " + change.name().toLowerCase(Locale.ROOT)));
    lines.add("Apply: " + String.join(", ", parts));
    return lines;
  }
}
