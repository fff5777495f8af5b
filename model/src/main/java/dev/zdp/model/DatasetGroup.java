package dev.zdp.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Datasets a workspace consumes together through one platform: either a named {@code platform} or
 * {@code requirements} some platform satisfies (both may be given).
 */
public record DatasetGroup(
    String name, Optional<String> platform, Optional<Requirements> requirements, List<Sink> sinks) {

  public DatasetGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(requirements, "requirements");
    sinks = List.copyOf(sinks);
  }

  /** The milestoning asked for; {@code live} unless the requirements say otherwise. */
  public Milestoning milestoning() {
    return requirements.map(Requirements::milestoning).orElse(Milestoning.LIVE);
  }
}
