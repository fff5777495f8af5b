package dev.zdp.validator.rules.references;

import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Team;
import dev.zdp.model.Workspace;
import dev.zdp.model.Zone;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.Describe;
import java.util.List;
import java.util.Optional;

/** The team that owns a datastore or a workspace is a defined Team. */
@RuleInfo(
    id = "team-reference",
    severity = Severity.ERROR,
    summary = "The team owning a datastore or workspace is a defined Team")
public final class TeamReference implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    List<String> teams = model.teams().stream().map(Team::name).toList();
    for (Datastore datastore : model.datastores()) {
      check(
          model,
          ObjectPath.of(Kind.DATASTORE, datastore.name()),
          datastore.team(),
          teams,
          findings);
    }
    for (Workspace workspace : model.workspaces()) {
      check(
          model,
          ObjectPath.of(Kind.WORKSPACE, workspace.name()),
          workspace.team(),
          teams,
          findings);
    }
  }

  private void check(
      Model model, ObjectPath owner, String team, List<String> teams, Findings findings) {
    if (model.team(team).isPresent() || model.isDefined(ObjectPath.of(Kind.TEAM, team))) {
      return;
    }
    Optional<Zone> declaring =
        model.zones().stream().filter(z -> z.team(team).isPresent()).findFirst();
    String hint =
        declaring
            .map(
                zone ->
                    "team '"
                        + team
                        + "' is declared in Zone '"
                        + zone.name()
                        + "' but not yet defined; add a Team document {name: "
                        + team
                        + ", zone: "
                        + zone.name()
                        + "}")
            .orElseGet(
                () ->
                    Describe.didYouMean(
                        team,
                        teams,
                        "add a Team document named '" + team + "', or name a defined team"));
    findings.report(
        owner.field("team"),
        Describe.object(owner)
            + " is owned by team '"
            + team
            + "', but no Team '"
            + team
            + "' is defined",
        hint);
  }
}
