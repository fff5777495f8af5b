package dev.zdp.model.platform;

import dev.zdp.model.Dataset;
import dev.zdp.model.Milestoning;
import dev.zdp.model.Platform;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/** A dataset a platform ingests because at least one consumer sinks it; consumers sorted. */
public record IngestedDataset(Dataset dataset, List<Consumer> consumers) {

  public IngestedDataset {
    Objects.requireNonNull(dataset, "dataset");
    consumers = consumers.stream().sorted(Consumer.ORDER).toList();
  }

  public String name() {
    return dataset.name();
  }

  /** True when some consumer asks for the full history (SCD2) of the dataset. */
  public boolean forensic() {
    return consumers.stream().anyMatch(c -> c.milestoning() == Milestoning.FORENSIC);
  }

  /**
   * The freshness objective of the dataset's corpus table on {@code platform}: the strictest its
   * dataset and the groups consuming it through {@code platform} declare, else the platform's.
   */
  public Duration freshness(Platform platform) {
    return Stream.concat(
            dataset.freshness().stream(),
            consumers.stream()
                .filter(c -> c.platform().map(Platform::name).equals(Optional.of(platform.name())))
                .flatMap(c -> c.freshness().stream()))
        .min(Comparator.naturalOrder())
        .orElse(platform.freshness());
  }

  /** The names of the consuming workspaces, sorted, each once. */
  public SortedSet<String> workspaces() {
    TreeSet<String> names = new TreeSet<>();
    consumers.forEach(c -> names.add(c.workspace()));
    return names;
  }
}
