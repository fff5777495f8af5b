package dev.zdp.validator.change.deprecation;

import dev.zdp.model.Dataset;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Team;
import dev.zdp.model.Zone;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.ChangeCategory;
import dev.zdp.validator.change.ChangeFindings;
import dev.zdp.validator.change.ChangeRule;
import dev.zdp.validator.change.Consumption;
import dev.zdp.validator.change.DatastoreChange;
import dev.zdp.validator.change.ModelChange;
import java.util.Optional;

/**
 * Step two of the deprecation protocol: a producer may deprecate a dataset (or a whole datastore)
 * only once every workspace sinking it has agreed, by setting {@code deprecationsAllowed: true} on
 * its sink. Each sink that has not agreed is one error naming the workspace and its team.
 *
 * <p>The whole protocol: (1) consumers set {@code deprecationsAllowed: true}; (2) the producer
 * marks the dataset {@code deprecated: true}; (3) consumers remove their sinks; (4) the producer
 * removes the dataset.
 */
public final class DeprecationNotAllowed implements ChangeRule {

  @Override
  public String id() {
    return "deprecation-not-allowed";
  }

  @Override
  public String summary() {
    return "A dataset is deprecated only when every sink on it says deprecationsAllowed: true";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public ChangeCategory category() {
    return ChangeCategory.DEPRECATION;
  }

  @Override
  public void check(ModelChange change, ChangeFindings findings) {
    for (DatastoreChange store : change.keptDatastores()) {
      boolean storeNewlyDeprecated = store.after().deprecated() && !store.before().deprecated();
      for (Dataset dataset : store.after().datasets()) {
        Optional<Dataset> before = store.before().dataset(dataset.name());
        boolean wasDeprecated =
            store.before().deprecated() || before.map(Dataset::deprecated).orElse(false);
        boolean isDeprecated = store.after().deprecated() || dataset.deprecated();
        if (!isDeprecated || wasDeprecated || before.isEmpty()) {
          continue;
        }
        ObjectPath flag =
            storeNewlyDeprecated
                ? store.path().field("deprecated")
                : store.path().item("datasets", dataset.name()).field("deprecated");
        String what =
            storeNewlyDeprecated
                ? "datastore '" + store.name() + "'"
                : "dataset '" + store.name() + "." + dataset.name() + "'";
        for (Consumption consumer : change.headConsumersOf(store.name(), dataset.name())) {
          if (consumer.sink().deprecationsAllowed()) {
            continue;
          }
          findings.report(
              flag,
              "Cannot deprecate "
                  + what
                  + ": "
                  + consumer.describe()
                  + " sinks '"
                  + consumer.sink().key()
                  + "' in dataset group '"
                  + consumer.group()
                  + "' without deprecationsAllowed: true",
              "ask team "
                  + consumer.team()
                  + ownerSuffix(change, consumer.team())
                  + " to set `deprecationsAllowed: true` on that sink first (or to remove it),"
                  + " then deprecate");
        }
      }
    }
  }

  private static String ownerSuffix(ModelChange change, String team) {
    return change
        .head()
        .team(team)
        .or(() -> change.base().team(team))
        .map(Team::zone)
        .flatMap(z -> change.base().zone(z).or(() -> change.head().zone(z)))
        .flatMap((Zone z) -> z.team(team))
        .map(d -> " (" + d.repository() + ")")
        .orElse("");
  }
}
