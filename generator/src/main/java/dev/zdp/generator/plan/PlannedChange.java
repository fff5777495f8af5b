package dev.zdp.generator.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One thing the head's artifacts add, change or destroy.
 *
 * @param module the Terraform root module ({@code zero}, {@code zero/shard-002}) or, for a file
 *     that is not Terraform, the directory it is in
 * @param address the Terraform resource address ({@code kafka_topic.crm__customers}), {@code
 *     var.<name>} for a variable, or the file's path for a MERGE job or DAG
 * @param type the resource type, {@code variable}, {@code merge job} or {@code file}
 * @param keys the attributes that differ (for a change), sorted
 * @param callouts why the change is destructive, if it is
 * @param workspaces the consumers it affects
 */
public record PlannedChange(
    Action action,
    String module,
    String address,
    String type,
    List<KeyChange> keys,
    List<Callout> callouts,
    SortedSet<String> workspaces) {

  static final Comparator<PlannedChange> ORDER =
      Comparator.comparing(PlannedChange::module)
          .thenComparing(PlannedChange::address)
          .thenComparing(PlannedChange::action);

  public PlannedChange {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(type, "type");
    keys = keys.stream().sorted().toList();
    callouts = List.copyOf(callouts);
    workspaces = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(workspaces));
  }

  public boolean destructive() {
    return callouts.stream().anyMatch(callout -> callout.kind().destructive());
  }

  /** The callouts that say where a table's capture starts and how its existing rows arrive. */
  public List<Callout> captureStarts() {
    return callouts.stream().filter(callout -> !callout.kind().destructive()).toList();
  }
}
