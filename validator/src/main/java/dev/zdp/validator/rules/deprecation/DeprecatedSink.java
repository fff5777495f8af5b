package dev.zdp.validator.rules.deprecation;

import dev.zdp.model.Declaration;
import dev.zdp.model.Model;
import dev.zdp.model.Team;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.rules.ResolvedSink;

/**
 * Nobody sinks deprecated data by accident: a sink on a deprecated dataset, or on any dataset of a
 * deprecated datastore, is an error, and only a warning when the sink says {@code
 * deprecationsAllowed: true}. The message names the consuming workspace, its team and the team's
 * repository, where the sink is changed.
 *
 * <p>This one rule guards the whole deprecation protocol, in a single model and in a pull request
 * alike: (1) consumers set {@code deprecationsAllowed: true}; (2) the producer marks the dataset
 * {@code deprecated: true}, which fails while a sink has not agreed; (3) consumers remove their
 * sinks; (4) the producer removes the dataset (the change rule {@code dataset-removed} refuses it
 * while a sink remains). With {@code --base}, {@code --allow-breaking-changes} lowers its errors as
 * it lowers breaking changes.
 */
@RuleInfo(
    id = DeprecatedSink.ID,
    severity = Severity.ERROR,
    summary = "Sinks on deprecated datasets or datastores say deprecationsAllowed: true")
public final class DeprecatedSink implements Rule {

  /** The rule's id, which change validation also knows it by. */
  public static final String ID = "deprecation";

  @Override
  public void check(Model model, Findings findings) {
    for (ResolvedSink sink : ResolvedSink.of(model)) {
      String deprecated;
      if (sink.datastore().deprecated()) {
        deprecated = "datastore '" + sink.datastore().name() + "' is deprecated";
      } else if (sink.dataset().deprecated()) {
        deprecated = "dataset '" + sink.qualifiedDataset() + "' is deprecated";
      } else {
        continue;
      }
      String consumer = consumingTeam(model, sink.workspace().team());
      String producer = "team '" + sink.datastore().team() + "'";
      boolean allowed = sink.sink().deprecationsAllowed();
      findings.report(
          allowed ? Severity.WARNING : Severity.ERROR,
          allowed ? sink.path().field("deprecationsAllowed") : sink.path(),
          "Workspace '"
              + sink.workspace().name()
              + "' of "
              + consumer
              + " sinks dataset '"
              + sink.qualifiedDataset()
              + "', but "
              + deprecated,
          allowed
              ? "plan to move off it: "
                  + producer
                  + " may remove it (the sink allows deprecations, so this is a warning)"
              : consumer
                  + " should move to its replacement (ask "
                  + producer
                  + ") or write deprecationsAllowed: true on this sink to accept it for now");
    }
  }

  /**
   * {@code team 'analytics' (acme/analytics@main)}: the team and the repository its zone declares
   * for it, where the sink is changed; just the team when no declaration names one.
   */
  private static String consumingTeam(Model model, String team) {
    return "team '"
        + team
        + "'"
        + model
            .team(team)
            .map(Team::zone)
            .flatMap(model::zone)
            .flatMap(zone -> zone.team(team))
            .map(Declaration::repository)
            .map(repository -> " (" + repository + ")")
            .orElse("");
  }
}
