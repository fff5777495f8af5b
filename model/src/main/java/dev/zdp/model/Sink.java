package dev.zdp.model;

import java.util.Objects;

/** A consumer's request for one dataset of one datastore. */
public record Sink(String datastore, String dataset, boolean deprecationsAllowed) {
  public Sink {
    Objects.requireNonNull(datastore, "datastore");
    Objects.requireNonNull(dataset, "dataset");
  }

  /** {@code datastore.dataset}, the key a sink is addressed by in object paths. */
  public String key() {
    return datastore + "." + dataset;
  }
}
