package dev.zdp.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The root document: who owns the model, which branch is live, the zones it declares and the data
 * platforms it runs. Exactly one per model.
 *
 * @param rules rule id to the level an ecosystem sets it to, sorted by rule id
 */
public record Ecosystem(
    String name,
    String description,
    RepositoryRef repository,
    String liveBranch,
    List<Declaration> zones,
    List<Platform> platforms,
    Map<String, RuleLevel> rules) {

  public Ecosystem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(liveBranch, "liveBranch");
    zones = List.copyOf(zones);
    platforms = List.copyOf(platforms);
    rules = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(rules));
  }

  public Optional<Declaration> zone(String zoneName) {
    return zones.stream().filter(z -> z.name().equals(zoneName)).findFirst();
  }

  public Optional<Platform> platform(String platformName) {
    return platforms.stream().filter(p -> p.name().equals(platformName)).findFirst();
  }
}
