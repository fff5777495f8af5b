package dev.zdp.validator.change;

import dev.zdp.model.Dataset;
import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.RepositoryRef;
import dev.zdp.model.Sink;
import dev.zdp.model.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A proposed change: the live model (base), the proposed one (head), and who proposes it.
 *
 * @param changeSource the repository and branch the pull request comes from; empty when unknown,
 *     and then ownership is not checked
 */
public record ModelChange(Model base, Model head, Optional<RepositoryRef> changeSource) {

  private static final Comparator<Consumption> CONSUMER_ORDER =
      Comparator.comparing(Consumption::workspace)
          .thenComparing(Consumption::group)
          .thenComparing(c -> c.sink().key());

  public ModelChange {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(changeSource, "changeSource");
  }

  /** True when there is no live model yet: this change creates the first one. */
  public boolean isFirstModel() {
    return base.isEmpty();
  }

  /**
   * Every workspace sink on {@code datastore.dataset} in the head or in the base (a consumer that
   * drops its sink in this same change still relied on the dataset until now), in workspace order.
   */
  public List<Consumption> consumersOf(String datastore, String dataset) {
    Map<String, Consumption> byKey = new LinkedHashMap<>();
    for (Consumption c : sinksOn(head, datastore, dataset)) {
      byKey.putIfAbsent(c.path().toString(), c);
    }
    for (Consumption c : sinksOn(base, datastore, dataset)) {
      byKey.putIfAbsent(c.path().toString(), c);
    }
    List<Consumption> all = new ArrayList<>(byKey.values());
    all.sort(CONSUMER_ORDER);
    return all;
  }

  /** The sinks on {@code datastore.dataset} in the head only, in workspace order. */
  public List<Consumption> headConsumersOf(String datastore, String dataset) {
    List<Consumption> all = new ArrayList<>(sinksOn(head, datastore, dataset));
    all.sort(CONSUMER_ORDER);
    return all;
  }

  private static List<Consumption> sinksOn(Model model, String datastore, String dataset) {
    List<Consumption> found = new ArrayList<>();
    for (Workspace workspace : model.workspaces()) {
      for (DatasetGroup group : workspace.datasetGroups()) {
        for (Sink sink : group.sinks()) {
          if (sink.datastore().equals(datastore) && sink.dataset().equals(dataset)) {
            found.add(Consumption.of(workspace, group, sink));
          }
        }
      }
    }
    return found;
  }

  /** Datastores present in both models, by name, in name order. */
  public List<DatastoreChange> keptDatastores() {
    List<DatastoreChange> kept = new ArrayList<>();
    for (String name : names(base.datastores())) {
      Optional<Datastore> after = head.datastore(name);
      if (after.isPresent()) {
        kept.add(new DatastoreChange(base.datastore(name).orElseThrow(), after.get()));
      }
    }
    return kept;
  }

  /**
   * Datasets present in both models that at least one workspace (in base or head) sinks, in
   * datastore and dataset order: the datasets whose changes must stay backwards compatible.
   */
  public List<DatasetChange> consumedDatasets() {
    List<DatasetChange> consumed = new ArrayList<>();
    for (DatastoreChange store : keptDatastores()) {
      TreeSet<String> names = new TreeSet<>();
      store.before().datasets().forEach(d -> names.add(d.name()));
      for (String name : names) {
        Optional<Dataset> after = store.after().dataset(name);
        if (after.isEmpty()) {
          continue;
        }
        List<Consumption> consumers = consumersOf(store.name(), name);
        if (!consumers.isEmpty()) {
          consumed.add(
              new DatasetChange(
                  store.name(),
                  store.before().dataset(name).orElseThrow(),
                  after.get(),
                  consumers));
        }
      }
    }
    return consumed;
  }

  private static TreeSet<String> names(List<Datastore> datastores) {
    TreeSet<String> names = new TreeSet<>();
    datastores.forEach(d -> names.add(d.name()));
    return names;
  }
}
