package dev.zdp.sandbox.apply;

import dev.zdp.sandbox.Change;
import java.util.Objects;

/**
 * What an apply did to one resource.
 *
 * @param kind {@code topic} or {@code connector}
 * @param name the topic's or connector's name
 * @param change created, updated, recreated, unchanged or deleted
 */
public record ResourceChange(String kind, String name, Change change) {
  public ResourceChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(change, "change");
  }

  @Override
  public String toString() {
    return change.name().toLowerCase(java.util.Locale.ROOT) + " " + kind + " " + name;
  }
}
