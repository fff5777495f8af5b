package dev.zdp.model.platform;

import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Datastore;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.Sink;
import dev.zdp.model.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The intention graph (MODEL.md): which platform serves each workspace dataset group, and so, for
 * each platform of the ecosystem, the datasets that groups assigned to it sink, grouped by
 * datastore, with the consumers on each dataset. The validator's rules and change rules and the
 * generator's renderers all read it, so a sink is judged on the platform it is rendered on.
 *
 * <p>A dataset group goes to the platform it names; a group with {@code requirements} and no
 * platform goes to the first platform, by name, whose {@link PlatformCapabilities} satisfy them.
 * {@link #platforms()} holds only what can be ingested: sinks that point at nothing and groups
 * served by no platform are left out there (the validator reports them), but {@link #consumersOf}
 * lists every sink as written.
 *
 * <p>Everything is sorted by name, so the graph of a model does not depend on the order its files
 * or documents were read in. {@link #of} builds it once per model (it is kept with the model).
 */
public final class IntentionGraph {

  private final List<Platform> platformsByName;
  private final List<PlatformIntentions> platforms;
  private final Map<String, List<Consumer>> consumersByDataset;

  private IntentionGraph(
      List<Platform> platformsByName,
      List<PlatformIntentions> platforms,
      Map<String, List<Consumer>> consumersByDataset) {
    this.platformsByName = platformsByName;
    this.platforms = platforms;
    this.consumersByDataset = consumersByDataset;
  }

  /** The graph of {@code model}, built on first use and kept with the model. */
  public static IntentionGraph of(Model model) {
    return model.derived(IntentionGraph.class, IntentionGraph::build);
  }

  private static IntentionGraph build(Model model) {
    // A stable sort: of two platforms with one name (duplicate-name reports it), the first written.
    List<Platform> byName =
        model.ecosystem().map(Ecosystem::platforms).orElse(List.of()).stream()
            .sorted(Comparator.comparing(Platform::name))
            .toList();
    Map<String, List<Consumer>> consumers = new HashMap<>();
    for (Workspace workspace : model.workspaces()) {
      for (DatasetGroup group : workspace.datasetGroups()) {
        Optional<Platform> platform = assignedPlatform(group, byName);
        for (Sink sink : group.sinks()) {
          consumers
              .computeIfAbsent(sink.key(), k -> new ArrayList<>())
              .add(
                  new Consumer(
                      workspace.name(),
                      workspace.team(),
                      group.name(),
                      group.milestoning(),
                      sink,
                      platform,
                      group.freshness()));
        }
      }
    }
    consumers.replaceAll((key, list) -> distinctSorted(list));

    // platform -> datastore -> dataset -> consumers
    Map<String, Map<String, Map<String, List<Consumer>>>> edges = new TreeMap<>();
    Map<String, Platform> platformNamed = new TreeMap<>();
    for (Platform platform : byName) {
      platformNamed.putIfAbsent(platform.name(), platform);
      edges.putIfAbsent(platform.name(), new TreeMap<>());
    }
    for (List<Consumer> onDataset : consumers.values()) {
      for (Consumer consumer : onDataset) {
        Sink sink = consumer.sink();
        if (consumer.platform().isEmpty()
            || model.dataset(sink.datastore(), sink.dataset()).isEmpty()) {
          continue;
        }
        edges
            .get(consumer.platform().get().name())
            .computeIfAbsent(sink.datastore(), k -> new TreeMap<>())
            .computeIfAbsent(sink.dataset(), k -> new ArrayList<>())
            .add(consumer);
      }
    }
    List<PlatformIntentions> platforms = new ArrayList<>();
    edges.forEach(
        (platformName, stores) -> {
          List<IngestedDatastore> datastores = new ArrayList<>();
          stores.forEach(
              (storeName, datasets) -> {
                Datastore datastore = model.datastore(storeName).orElseThrow();
                List<IngestedDataset> used = new ArrayList<>();
                datasets.forEach(
                    (datasetName, onDataset) ->
                        used.add(
                            new IngestedDataset(
                                datastore.dataset(datasetName).orElseThrow(), onDataset)));
                datastores.add(new IngestedDatastore(datastore, used));
              });
          platforms.add(new PlatformIntentions(platformNamed.get(platformName), datastores));
        });
    return new IntentionGraph(byName, List.copyOf(platforms), consumers);
  }

  /**
   * Sorted by {@link Consumer#ORDER}; a sink written twice in one group is kept once, as first
   * written ({@code duplicate-name} reports the copy).
   */
  private static List<Consumer> distinctSorted(List<Consumer> consumers) {
    List<Consumer> sorted = new ArrayList<>(consumers);
    sorted.sort(Consumer.ORDER);
    List<Consumer> distinct = new ArrayList<>(sorted.size());
    for (Consumer consumer : sorted) {
      if (distinct.isEmpty()
          || Consumer.ORDER.compare(distinct.get(distinct.size() - 1), consumer) != 0) {
        distinct.add(consumer);
      }
    }
    return List.copyOf(distinct);
  }

  /** The platform a dataset group is served by, among {@code platforms}, if any. */
  public static Optional<Platform> assignedPlatform(DatasetGroup group, List<Platform> platforms) {
    Objects.requireNonNull(group, "group");
    if (group.platform().isPresent()) {
      String wanted = group.platform().get();
      return platforms.stream().filter(p -> p.name().equals(wanted)).findFirst();
    }
    return group
        .requirements()
        .flatMap(
            requirements ->
                platforms.stream()
                    .sorted(Comparator.comparing(Platform::name))
                    .filter(p -> PlatformCapabilities.satisfies(p, requirements))
                    .findFirst());
  }

  /** The platform of this model's ecosystem that serves {@code group}, if any. */
  public Optional<Platform> assignedPlatform(DatasetGroup group) {
    return assignedPlatform(group, platformsByName);
  }

  /** Every platform of the ecosystem, sorted by name, each with what it ingests (maybe nothing). */
  public List<PlatformIntentions> platforms() {
    return platforms;
  }

  /** The platforms of one {@code type} ({@code zero}, ...), sorted by name. */
  public List<PlatformIntentions> platformsOfType(String type) {
    return platforms.stream().filter(p -> type.equals(p.platform().type())).toList();
  }

  public Optional<PlatformIntentions> platform(String name) {
    return platforms.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * Every sink written on {@code datastore.dataset}, whether or not the dataset exists and whether
   * or not a platform serves its group, sorted by workspace, then dataset group.
   */
  public List<Consumer> consumersOf(String datastore, String dataset) {
    return consumersByDataset.getOrDefault(datastore + "." + dataset, List.of());
  }
}
