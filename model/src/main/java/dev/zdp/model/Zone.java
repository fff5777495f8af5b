package dev.zdp.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A zone: a group of teams under one set of policies, owned by the repository that declares it. */
public record Zone(
    String name, String description, List<Declaration> teams, ZonePolicies policies) {

  public Zone {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    teams = List.copyOf(teams);
    Objects.requireNonNull(policies, "policies");
  }

  public Optional<Declaration> team(String teamName) {
    return teams.stream().filter(t -> t.name().equals(teamName)).findFirst();
  }
}
