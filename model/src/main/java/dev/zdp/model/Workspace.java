package dev.zdp.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A consumer: the dataset groups a team's workspace sinks, owned by that team. */
public record Workspace(
    String name,
    String team,
    String description,
    ProductionStatus productionStatus,
    boolean deprecated,
    List<DatasetGroup> datasetGroups) {

  public Workspace {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(productionStatus, "productionStatus");
    datasetGroups = List.copyOf(datasetGroups);
  }

  public Optional<DatasetGroup> datasetGroup(String groupName) {
    return datasetGroups.stream().filter(g -> g.name().equals(groupName)).findFirst();
  }
}
