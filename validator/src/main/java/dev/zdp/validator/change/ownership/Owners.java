package dev.zdp.validator.change.ownership;

import dev.zdp.model.Declaration;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Model;
import dev.zdp.model.RepositoryRef;
import dev.zdp.model.Team;
import dev.zdp.model.Zone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who owns what, read from the declarations. The base's declarations (the live ones) come first, so
 * a change cannot hand itself ownership; the head's count only for declarations the change itself
 * adds (and adding a declaration is a change to the parent, which the parent's repository must
 * make).
 *
 * <ul>
 *   <li>The Ecosystem document: the ecosystem's {@code repository}.
 *   <li>A Zone document: the repository the Ecosystem declares for the zone; for an undeclared
 *       zone, the ecosystem's (only it could declare one).
 *   <li>A Team document, and every Datastore and Workspace whose {@code team} is that team: the
 *       repository the team's zone declares for it; for an undeclared team, its zone's.
 * </ul>
 */
final class Owners {

  /**
   * An owning repository and what it owns, for messages.
   *
   * @param owner {@code team 'sales'}, {@code zone 'americas'}, {@code the ecosystem 'acme'}
   */
  record Owner(RepositoryRef repository, String owner) {}

  private final Model base;
  private final Model head;

  Owners(Model base, Model head) {
    this.base = base;
    this.head = head;
  }

  Optional<Owner> ecosystem() {
    return base.ecosystem()
        .or(head::ecosystem)
        .map(e -> new Owner(e.repository(), "the ecosystem '" + e.name() + "'"));
  }

  Optional<Owner> zone(String name) {
    Optional<Declaration> declared =
        zoneDeclaration(base, name).or(() -> zoneDeclaration(head, name));
    if (declared.isPresent()) {
      return Optional.of(new Owner(declared.get().repository(), "zone '" + name + "'"));
    }
    return ecosystem()
        .map(e -> new Owner(e.repository(), e.owner() + " (zone '" + name + "' is not declared)"));
  }

  Optional<Owner> team(String name) {
    Optional<String> zoneName = base.team(name).or(() -> head.team(name)).map(Team::zone);
    Optional<Declaration> declared =
        zoneName
            .flatMap(
                z ->
                    teamDeclaration(base.zone(z), name)
                        .or(() -> teamDeclaration(head.zone(z), name)))
            .or(() -> anyTeamDeclaration(base, name))
            .or(() -> anyTeamDeclaration(head, name));
    if (declared.isPresent()) {
      return Optional.of(new Owner(declared.get().repository(), "team '" + name + "'"));
    }
    Optional<Owner> parent = zoneName.isPresent() ? zone(zoneName.get()) : ecosystem();
    return parent.map(
        p -> new Owner(p.repository(), p.owner() + " (team '" + name + "' is not declared)"));
  }

  /**
   * Every repository that owns something in the live model (the base; the head only when the base
   * declares nothing), once each, sorted. A declaration the change itself adds does not count: the
   * change that adds it must come from the parent's repository.
   */
  List<RepositoryRef> all() {
    List<RepositoryRef> all = declaredIn(base);
    return all.isEmpty() ? declaredIn(head) : all;
  }

  private static List<RepositoryRef> declaredIn(Model model) {
    List<RepositoryRef> all = new ArrayList<>();
    model.ecosystem().map(Ecosystem::repository).ifPresent(r -> addOnce(all, r));
    model.ecosystem().ifPresent(e -> e.zones().forEach(z -> addOnce(all, z.repository())));
    model.zones().forEach(z -> z.teams().forEach(t -> addOnce(all, t.repository())));
    all.sort(Comparator.comparing((RepositoryRef r) -> r.toString().toLowerCase(Locale.ROOT)));
    return all;
  }

  private static void addOnce(List<RepositoryRef> all, RepositoryRef ref) {
    if (all.stream().noneMatch(r -> r.sameAs(ref))) {
      all.add(ref);
    }
  }

  private static Optional<Declaration> zoneDeclaration(Model model, String zone) {
    return model.ecosystem().flatMap(e -> e.zone(zone));
  }

  private static Optional<Declaration> teamDeclaration(Optional<Zone> zone, String team) {
    return zone.flatMap(z -> z.team(team));
  }

  private static Optional<Declaration> anyTeamDeclaration(Model model, String team) {
    return model.zones().stream().flatMap(z -> z.team(team).stream()).findFirst();
  }
}
