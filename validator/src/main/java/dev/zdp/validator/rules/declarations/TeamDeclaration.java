package dev.zdp.validator.rules.declarations;

import dev.zdp.model.Declaration;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.model.Team;
import dev.zdp.model.Zone;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every Team document is declared in its zone's {@code spec.teams} (an error otherwise: the
 * declaration says which repository owns the team). A declared team without a Team document in that
 * zone is a warning. A team whose Zone document is missing is not checked here: {@code
 * zone-reference} or {@code zone-declaration} reports the zone.
 */
@RuleInfo(
    id = "team-declaration",
    severity = Severity.ERROR,
    summary = "Every Team is declared in its Zone, and every declared team is defined")
public final class TeamDeclaration implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    Set<String> seen = new HashSet<>();
    for (Team team : model.teams()) {
      Optional<Zone> zone = model.zone(team.zone());
      if (!seen.add(team.name()) || zone.isEmpty() || zone.get().team(team.name()).isPresent()) {
        continue;
      }
      String zoneFile =
          model
              .locate(ObjectPath.of(Kind.ZONE, zone.get().name()))
              .map(SourceLocation::file)
              .orElse("the Zone's file");
      String owner =
          model
              .ecosystem()
              .flatMap(e -> e.zone(zone.get().name()))
              .map(d -> ", which " + d.repository() + " owns")
              .orElse("");
      findings.report(
          ObjectPath.of(Kind.TEAM, team.name()),
          "Team '" + team.name() + "' is not declared in Zone '" + team.zone() + "'",
          "declare it: add {name: "
              + team.name()
              + ", repository: <owner/name@branch>} to spec.teams in "
              + zoneFile
              + owner);
    }
    Set<String> zonesSeen = new HashSet<>();
    for (Zone zone : model.zones()) {
      if (!zonesSeen.add(zone.name())) {
        continue;
      }
      Set<String> declaredSeen = new HashSet<>();
      for (Declaration declared : zone.teams()) {
        if (!declaredSeen.add(declared.name()) || definedIn(model, declared.name(), zone)) {
          continue;
        }
        Optional<Team> elsewhere = model.team(declared.name());
        findings.report(
            Severity.WARNING,
            ObjectPath.of(Kind.ZONE, zone.name()).item("teams", declared.name()),
            "Team '"
                + declared.name()
                + "' is declared in Zone '"
                + zone.name()
                + "', not yet defined"
                + elsewhere
                    .map(t -> " (Team '" + t.name() + "' is in zone '" + t.zone() + "')")
                    .orElse(""),
            "add a Team document {name: "
                + declared.name()
                + ", zone: "
                + zone.name()
                + "} in "
                + declared.repository()
                + ", the repository its declaration names");
      }
    }
  }

  private static boolean definedIn(Model model, String team, Zone zone) {
    return model.teams().stream()
        .anyMatch(t -> t.name().equals(team) && t.zone().equals(zone.name()));
  }
}
