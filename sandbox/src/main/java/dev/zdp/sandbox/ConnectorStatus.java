package dev.zdp.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A connector's state as the Connect REST API reports it.
 *
 * @param name the connector
 * @param state {@code RUNNING}, {@code PAUSED}, {@code FAILED}, {@code UNASSIGNED}, ...
 * @param trace the connector's failure, when it failed
 * @param tasks its tasks, ordered by id
 */
public record ConnectorStatus(
    String name, String state, Optional<String> trace, List<TaskStatus> tasks) {
  public ConnectorStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(trace, "trace");
    tasks = List.copyOf(tasks);
  }

  /** One task of a connector. */
  public record TaskStatus(int id, String state, Optional<String> trace) {
    public TaskStatus {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(trace, "trace");
    }
  }

  /** The connector and at least one task run, and no task is in another state. */
  public boolean running() {
    return "RUNNING".equals(state)
        && !tasks.isEmpty()
        && tasks.stream().allMatch(task -> "RUNNING".equals(task.state()));
  }

  /** The first failure reported, connector first, then tasks by id. */
  public Optional<String> failure() {
    if ("FAILED".equals(state)) {
      return Optional.of("connector '" + name + "' failed: " + trace.orElse("(no trace)"));
    }
    return tasks.stream()
        .filter(task -> "FAILED".equals(task.state()))
        .findFirst()
        .map(
            task ->
                "task "
                    + task.id()
                    + " of connector '"
                    + name
                    + "' failed: "
                    + task.trace().orElse("(no trace)"));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name + " " + state);
    tasks.forEach(
        task -> text.append(", task ").append(task.id()).append(' ').append(task.state()));
    return text.toString();
  }
}
