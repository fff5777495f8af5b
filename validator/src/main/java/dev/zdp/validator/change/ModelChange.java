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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A proposed change: the live model (base), the proposed one (head), and who proposes it. The sinks
 * of both models are indexed once, so every rule finds a dataset's consumers without walking every
 * workspace.
 */
public final class ModelChange {

  private static final Comparator<Consumption> CONSUMER_ORDER =
      Comparator.comparing(Consumption::workspace)
          .thenComparing(Consumption::group)
          .thenComparing(c -> c.sink().key());

  private final Model base;
  private final Model head;
  private final Optional<RepositoryRef> changeSource;
  private final Map<String, List<Consumption>> baseSinks;
  private final Map<String, List<Consumption>> headSinks;
  private final List<DatastoreChange> keptDatastores;
  private final List<DatasetChange> consumedDatasets;

  /**
   * @param changeSource the repository and branch the pull request comes from; empty when unknown,
   *     and then ownership is not checked
   */
  public ModelChange(Model base, Model head, Optional<RepositoryRef> changeSource) {
    this.base = Objects.requireNonNull(base, "base");
    this.head = Objects.requireNonNull(head, "head");
    this.changeSource = Objects.requireNonNull(changeSource, "changeSource");
    this.baseSinks = sinksByDataset(base);
    this.headSinks = sinksByDataset(head);
    this.keptDatastores = findKeptDatastores();
    this.consumedDatasets = findConsumedDatasets();
  }

  public Model base() {
    return base;
  }

  public Model head() {
    return head;
  }

  public Optional<RepositoryRef> changeSource() {
    return changeSource;
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
    String key = datastore + "." + dataset;
    Map<String, Consumption> byPath = new LinkedHashMap<>();
    for (Consumption c : headSinks.getOrDefault(key, List.of())) {
      byPath.putIfAbsent(c.path().toString(), c);
    }
    for (Consumption c : baseSinks.getOrDefault(key, List.of())) {
      byPath.putIfAbsent(c.path().toString(), c);
    }
    List<Consumption> all = new ArrayList<>(byPath.values());
    all.sort(CONSUMER_ORDER);
    return all;
  }

  /** The sinks on {@code datastore.dataset} in the head only, in workspace order. */
  public List<Consumption> headConsumersOf(String datastore, String dataset) {
    return headSinks.getOrDefault(datastore + "." + dataset, List.of());
  }

  /** Datastores present in both models, by name, in name order. */
  public List<DatastoreChange> keptDatastores() {
    return keptDatastores;
  }

  /**
   * Datasets present in both models that at least one workspace (in base or head) sinks, in
   * datastore and dataset order: the datasets whose changes must stay backwards compatible.
   */
  public List<DatasetChange> consumedDatasets() {
    return consumedDatasets;
  }

  private static Map<String, List<Consumption>> sinksByDataset(Model model) {
    Map<String, List<Consumption>> index = new HashMap<>();
    for (Workspace workspace : model.workspaces()) {
      for (DatasetGroup group : workspace.datasetGroups()) {
        for (Sink sink : group.sinks()) {
          index
              .computeIfAbsent(sink.key(), k -> new ArrayList<>())
              .add(Consumption.of(workspace, group, sink));
        }
      }
    }
    index.replaceAll((key, sinks) -> sinks.stream().sorted(CONSUMER_ORDER).toList());
    return index;
  }

  private List<DatastoreChange> findKeptDatastores() {
    TreeSet<String> names = new TreeSet<>();
    base.datastores().forEach(d -> names.add(d.name()));
    List<DatastoreChange> kept = new ArrayList<>();
    for (String name : names) {
      Optional<Datastore> after = head.datastore(name);
      if (after.isPresent()) {
        kept.add(new DatastoreChange(base.datastore(name).orElseThrow(), after.get()));
      }
    }
    return List.copyOf(kept);
  }

  private List<DatasetChange> findConsumedDatasets() {
    List<DatasetChange> consumed = new ArrayList<>();
    for (DatastoreChange store : keptDatastores) {
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
    return List.copyOf(consumed);
  }
}
