package dev.zdp.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Datasets a workspace consumes together through one platform: either a named {@code platform} or
 * {@code requirements} some platform satisfies (both may be given).
 *
 * @param freshness how stale the corpus tables of its datasets may be for this workspace (the
 *     freshness objective its consumer declares), when declared
 */
public record DatasetGroup(
    String name,
    Optional<String> platform,
    Optional<Requirements> requirements,
    List<Sink> sinks,
    Optional<Duration> freshness) {

  public DatasetGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(requirements, "requirements");
    sinks = List.copyOf(sinks);
    Objects.requireNonNull(freshness, "freshness");
  }

  /** A group without a freshness objective of its own. */
  public DatasetGroup(
      String name,
      Optional<String> platform,
      Optional<Requirements> requirements,
      List<Sink> sinks) {
    this(name, platform, requirements, sinks, Optional.empty());
  }

  /** The milestoning asked for; {@code live} unless the requirements say otherwise. */
  public Milestoning milestoning() {
    return requirements.map(Requirements::milestoning).orElse(Milestoning.LIVE);
  }
}
