package dev.zdp.validator.rules.declarations;

import dev.zdp.model.Declaration;
import dev.zdp.model.Ecosystem;
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
import java.util.List;
import java.util.Set;

/**
 * Every Zone document is declared in the Ecosystem's {@code spec.zones} (an error otherwise: the
 * declaration says which repository owns the zone). A declared zone without a Zone document is a
 * warning, reported once however many teams already name it.
 */
@RuleInfo(
    id = "zone-declaration",
    severity = Severity.ERROR,
    summary = "Every Zone is declared in the Ecosystem, and every declared zone is defined")
public final class ZoneDeclaration implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    if (model.ecosystem().isEmpty()) {
      return;
    }
    Ecosystem ecosystem = model.ecosystem().get();
    ObjectPath ecosystemPath = ObjectPath.of(Kind.ECOSYSTEM, ecosystem.name());
    String ecosystemFile =
        model.locate(ecosystemPath).map(SourceLocation::file).orElse("the Ecosystem's file");
    Set<String> seen = new HashSet<>();
    for (Zone zone : model.zones()) {
      if (!seen.add(zone.name()) || ecosystem.zone(zone.name()).isPresent()) {
        continue;
      }
      findings.report(
          ObjectPath.of(Kind.ZONE, zone.name()),
          "Zone '" + zone.name() + "' is not declared in Ecosystem '" + ecosystem.name() + "'",
          "declare it: add {name: "
              + zone.name()
              + ", repository: <owner/name@branch>} to spec.zones in "
              + ecosystemFile
              + ", which "
              + ecosystem.repository()
              + " owns");
    }
    seen.clear();
    for (Declaration declared : ecosystem.zones()) {
      if (!seen.add(declared.name()) || model.zone(declared.name()).isPresent()) {
        continue;
      }
      List<String> waiting =
          model.teams().stream()
              .filter(t -> t.zone().equals(declared.name()))
              .map(Team::name)
              .distinct()
              .map(t -> "'" + t + "'")
              .toList();
      findings.report(
          Severity.WARNING,
          ecosystemPath.item("zones", declared.name()),
          "Zone '"
              + declared.name()
              + "' is declared, not yet defined"
              + (waiting.isEmpty()
                  ? ""
                  : (waiting.size() == 1 ? "; its team " : "; its teams ")
                      + String.join(", ", waiting)
                      + " cannot be checked until it is"),
          "add a Zone document named '"
              + declared.name()
              + "' in "
              + declared.repository()
              + ", the repository its declaration names");
    }
  }
}
