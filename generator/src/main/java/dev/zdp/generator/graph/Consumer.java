package dev.zdp.generator.graph;

import dev.zdp.model.Milestoning;
import java.util.Comparator;
import java.util.Objects;

/**
 * One edge of the intention graph: a workspace's dataset group that sinks a dataset, and how it
 * wants the dataset kept.
 */
public record Consumer(String workspace, String datasetGroup, Milestoning milestoning)
    implements Comparable<Consumer> {

  private static final Comparator<Consumer> ORDER =
      Comparator.comparing(Consumer::workspace)
          .thenComparing(Consumer::datasetGroup)
          .thenComparing(Consumer::milestoning);

  public Consumer {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(datasetGroup, "datasetGroup");
    Objects.requireNonNull(milestoning, "milestoning");
  }

  @Override
  public int compareTo(Consumer other) {
    return ORDER.compare(this, other);
  }
}
