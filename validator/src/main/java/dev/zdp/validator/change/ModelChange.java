package dev.zdp.validator.change;

import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.RepositoryRef;
import dev.zdp.model.platform.Consumer;
import dev.zdp.model.platform.IntentionGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A proposed change: the live model (base), the proposed one (head), and who proposes it. Who
 * consumes what, and on which platform, is read from the intention graph of each model ({@link
 * IntentionGraph}, built once per model and shared with the single-model rules), so every rule
 * finds a dataset's consumers without walking every workspace.
 */
public final class ModelChange {

  private final Model base;
  private final Model head;
  private final Optional<RepositoryRef> changeSource;
  private final IntentionGraph baseGraph;
  private final IntentionGraph headGraph;
  private final List<DatastoreChange> changedDatastores;
  private final List<DatasetChange> changedConsumedDatasets;

  /**
   * @param changeSource the repository and branch the pull request comes from; empty when unknown,
   *     and then ownership is not checked
   */
  public ModelChange(Model base, Model head, Optional<RepositoryRef> changeSource) {
    this.base = Objects.requireNonNull(base, "base");
    this.head = Objects.requireNonNull(head, "head");
    this.changeSource = Objects.requireNonNull(changeSource, "changeSource");
    this.baseGraph = IntentionGraph.of(base);
    this.headGraph = IntentionGraph.of(head);
    this.changedDatastores = findChangedDatastores();
    this.changedConsumedDatasets = findChangedConsumedDatasets();
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
   * A sink in both is the head's (its platform is the one the head assigns).
   */
  public List<Consumer> consumersOf(String datastore, String dataset) {
    Map<ObjectPath, Consumer> byPath = new LinkedHashMap<>();
    for (Consumer c : headGraph.consumersOf(datastore, dataset)) {
      byPath.putIfAbsent(c.path(), c);
    }
    for (Consumer c : baseGraph.consumersOf(datastore, dataset)) {
      byPath.putIfAbsent(c.path(), c);
    }
    List<Consumer> all = new ArrayList<>(byPath.values());
    all.sort(Consumer.ORDER);
    return all;
  }

  /** The sinks on {@code datastore.dataset} in the head only, in workspace order. */
  public List<Consumer> headConsumersOf(String datastore, String dataset) {
    return headGraph.consumersOf(datastore, dataset);
  }

  /**
   * Datastores present in both models whose definitions differ, in name order. Only these can break
   * a consumer: a pull request changes a few of thousands, and the compatibility rules compare
   * nothing else.
   */
  public List<DatastoreChange> changedDatastores() {
    return changedDatastores;
  }

  /**
   * Datasets present in both models whose definitions differ and that at least one workspace (in
   * base or head) sinks, in datastore and dataset order: the changes that must stay backwards
   * compatible.
   */
  public List<DatasetChange> changedConsumedDatasets() {
    return changedConsumedDatasets;
  }

  private List<DatastoreChange> findChangedDatastores() {
    TreeSet<String> names = new TreeSet<>();
    base.datastores().forEach(d -> names.add(d.name()));
    List<DatastoreChange> kept = new ArrayList<>();
    for (String name : names) {
      Datastore before = base.datastore(name).orElseThrow();
      Optional<Datastore> after = head.datastore(name);
      if (after.isPresent() && !before.equals(after.get())) {
        kept.add(new DatastoreChange(before, after.get()));
      }
    }
    return List.copyOf(kept);
  }

  private List<DatasetChange> findChangedConsumedDatasets() {
    List<DatasetChange> consumed = new ArrayList<>();
    for (DatastoreChange store : changedDatastores) {
      TreeSet<String> names = new TreeSet<>();
      store.before().datasets().forEach(d -> names.add(d.name()));
      for (String name : names) {
        Dataset before = store.before().dataset(name).orElseThrow();
        Optional<Dataset> after = store.after().dataset(name);
        if (after.isEmpty() || before.equals(after.get())) {
          continue;
        }
        List<Consumer> consumers = consumersOf(store.name(), name);
        if (!consumers.isEmpty()) {
          consumed.add(new DatasetChange(store.name(), before, after.get(), consumers));
        }
      }
    }
    return List.copyOf(consumed);
  }
}
