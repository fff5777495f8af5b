package dev.zdp.model;

import java.util.Objects;

/**
 * A parent's statement that a child object exists and which repository owns it: the Ecosystem
 * declares zones, a Zone declares teams.
 */
public record Declaration(String name, RepositoryRef repository) {
  public Declaration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(repository, "repository");
  }
}
