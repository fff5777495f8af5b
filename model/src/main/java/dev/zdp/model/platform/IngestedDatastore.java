package dev.zdp.model.platform;

import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** A datastore a platform captures: only its used datasets, sorted by name. */
public record IngestedDatastore(Datastore datastore, List<IngestedDataset> datasets) {

  public IngestedDatastore {
    Objects.requireNonNull(datastore, "datastore");
    datasets = datasets.stream().sorted(Comparator.comparing(IngestedDataset::name)).toList();
  }

  public String name() {
    return datastore.name();
  }

  public Optional<IngestedDataset> dataset(String name) {
    return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** Every workspace that consumes any of this datastore's datasets. */
  public SortedSet<String> workspaces() {
    TreeSet<String> names = new TreeSet<>();
    datasets.forEach(d -> names.addAll(d.workspaces()));
    return names;
  }

  /** {@code Datastore/crm}. */
  public ObjectPath path() {
    return ObjectPath.of(Kind.DATASTORE, datastore.name());
  }

  /** {@code Datastore/crm/datasets[customers]}. */
  public ObjectPath path(IngestedDataset dataset) {
    return path().item("datasets", dataset.name());
  }
}
