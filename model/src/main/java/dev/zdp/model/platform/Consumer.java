package dev.zdp.model.platform;

import dev.zdp.model.Kind;
import dev.zdp.model.Milestoning;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.model.Sink;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One edge of the intention graph: a sink written in a workspace's dataset group, with the team
 * owning the workspace, how the group wants the dataset kept, and the platform serving the group.
 *
 * @param team the team that owns the workspace ({@code metadata.team})
 * @param platform the platform the group is assigned to (the one it names, or the first by name
 *     that satisfies its requirements); empty when none does
 * @param freshness the group's freshness objective, when it declares one
 */
public record Consumer(
    String workspace,
    String team,
    String datasetGroup,
    Milestoning milestoning,
    Sink sink,
    Optional<Platform> platform,
    Optional<Duration> freshness) {

  /** Workspace, then dataset group, then the sunk {@code datastore.dataset}. */
  public static final Comparator<Consumer> ORDER =
      Comparator.comparing(Consumer::workspace)
          .thenComparing(Consumer::datasetGroup)
          .thenComparing(c -> c.sink().key());

  public Consumer {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(datasetGroup, "datasetGroup");
    Objects.requireNonNull(milestoning, "milestoning");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(freshness, "freshness");
  }

  /** True when the group is served by a platform of {@code type} ({@code zero}, ...). */
  public boolean servedBy(String type) {
    return platform.filter(p -> type.equals(p.type())).isPresent();
  }

  /**
   * Where the sink is written: {@code Workspace/churn/datasetGroups[feed]/sinks[crm.customers]}.
   */
  public ObjectPath path() {
    return ObjectPath.of(Kind.WORKSPACE, workspace)
        .item("datasetGroups", datasetGroup)
        .item("sinks", sink.key());
  }
}
