package dev.zdp.validator.rules.references;

import dev.zdp.model.Declaration;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Team;
import dev.zdp.model.Zone;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.Describe;
import java.util.List;
import java.util.stream.Stream;

/**
 * A team's zone is a defined Zone. A zone the Ecosystem declares but nobody has written yet is left
 * to {@code zone-declaration}, which reports it once instead of once per team.
 */
@RuleInfo(
    id = "zone-reference",
    severity = Severity.ERROR,
    summary = "A team's zone is a defined or declared Zone")
public final class ZoneReference implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    List<Declaration> declared = model.ecosystem().map(Ecosystem::zones).orElse(List.of());
    List<String> known =
        Stream.concat(
                model.zones().stream().map(Zone::name), declared.stream().map(Declaration::name))
            .distinct()
            .toList();
    for (Team team : model.teams()) {
      if (known.contains(team.zone()) || model.isDefined(ObjectPath.of(Kind.ZONE, team.zone()))) {
        continue;
      }
      ObjectPath path = ObjectPath.of(Kind.TEAM, team.name());
      findings.report(
          path.field("zone"),
          "Team '"
              + team.name()
              + "' is in zone '"
              + team.zone()
              + "', but no Zone '"
              + team.zone()
              + "' is defined or declared",
          Describe.didYouMean(
              team.zone(),
              known,
              "declare zone '"
                  + team.zone()
                  + "' in the Ecosystem's spec.zones and add its Zone"
                  + " document, or name an existing zone"));
    }
  }
}
