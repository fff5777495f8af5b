package dev.zdp.model;

import java.util.Objects;

/** A team inside a zone; it owns the datastores and workspaces that name it. */
public record Team(String name, String zone, String description, String documentation) {
  public Team {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(documentation, "documentation");
  }
}
