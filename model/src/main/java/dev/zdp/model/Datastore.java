package dev.zdp.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A producer's database and the datasets it publishes, owned by its team. */
public record Datastore(
    String name,
    String team,
    String description,
    ProductionStatus productionStatus,
    boolean deprecated,
    Capture capture,
    List<Dataset> datasets) {

  public Datastore {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(productionStatus, "productionStatus");
    Objects.requireNonNull(capture, "capture");
    datasets = List.copyOf(datasets);
  }

  public Optional<Dataset> dataset(String datasetName) {
    // a loop, not a stream: rules ask this for every sink of a model
    for (Dataset dataset : datasets) {
      if (dataset.name().equals(datasetName)) {
        return Optional.of(dataset);
      }
    }
    return Optional.empty();
  }
}
