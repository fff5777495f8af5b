package dev.zdp.validator.change.compatibility;

import dev.zdp.model.Model;
import dev.zdp.model.Team;
import dev.zdp.model.Zone;
import dev.zdp.model.platform.Consumer;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.Consumers;
import dev.zdp.validator.change.DatasetChange;
import dev.zdp.validator.change.ModelChange;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A classification is added to a consumed dataset only if the zone of every consuming workspace
 * allows it: otherwise the producer's change would put consumers in breach of their zone's policy.
 */
@RuleInfo(
    id = "classification-added-not-allowed",
    severity = Severity.ERROR,
    summary = "A classification added to a consumed dataset is one every consumer's zone allows")
public final class ClassificationAddedNotAllowed extends CompatibilityRule {

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatasetChange dataset : change.changedConsumedDatasets()) {
      Set<String> added = new LinkedHashSet<>(dataset.after().classifications());
      added.removeAll(dataset.before().classifications());
      for (String classification : added) {
        Set<String> reported = new LinkedHashSet<>();
        for (Consumer consumer :
            change.headConsumersOf(dataset.datastore(), dataset.after().name())) {
          Optional<Zone> zone = zoneOf(change, consumer.team());
          if (zone.isEmpty()
              || zone.get().policies().classifications().permits(classification)
              || !reported.add(consumer.workspace())) {
            continue;
          }
          findings.report(
              dataset.path().field("classifications"),
              "Cannot add classification '"
                  + classification
                  + "' to dataset '"
                  + dataset.qualifiedName()
                  + "': zone '"
                  + zone.get().name()
                  + "' does not allow it, and its "
                  + Consumers.describe(consumer)
                  + " sinks the dataset",
              "leave '"
                  + classification
                  + "' off until zone '"
                  + zone.get().name()
                  + "' allows it or the workspace stops sinking the dataset");
        }
      }
    }
  }

  private static Optional<Zone> zoneOf(ModelChange change, String team) {
    Model head = change.head();
    Model base = change.base();
    Optional<String> zoneName = head.team(team).or(() -> base.team(team)).map(Team::zone);
    return zoneName.flatMap(z -> head.zone(z).or(() -> base.zone(z)));
  }
}
