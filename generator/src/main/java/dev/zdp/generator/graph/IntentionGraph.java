package dev.zdp.generator.graph;

import dev.zdp.model.Dataset;
import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Datastore;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.Sink;
import dev.zdp.model.Workspace;
import dev.zdp.model.platform.PlatformCapabilities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * For each platform of the ecosystem, the datasets that workspace dataset groups assigned to it
 * sink, grouped by datastore, with the consumers on each dataset. Only used datastores and datasets
 * appear. Everything is sorted by name, so the graph of a model does not depend on the order its
 * files or documents were read in.
 *
 * <p>A dataset group goes to the platform it names; a group with {@code requirements} and no
 * platform goes to the first platform, by name, whose capabilities satisfy them. Sinks that point
 * at nothing and groups that resolve to no platform are left out: the validator reports them.
 */
public record IntentionGraph(List<PlatformIntentions> platforms) {

  public IntentionGraph {
    platforms = platforms.stream().sorted(Comparator.comparing(PlatformIntentions::name)).toList();
  }

  public static IntentionGraph of(Model model) {
    List<Platform> platforms =
        model.ecosystem().map(Ecosystem::platforms).orElse(List.of()).stream()
            .sorted(Comparator.comparing(Platform::name))
            .toList();
    // platform -> datastore -> dataset -> consumers
    Map<String, Map<String, Map<String, List<Consumer>>>> edges = new TreeMap<>();
    Map<String, Platform> platformsByName = new TreeMap<>();
    for (Platform platform : platforms) {
      platformsByName.putIfAbsent(platform.name(), platform);
      edges.putIfAbsent(platform.name(), new TreeMap<>());
    }
    for (Workspace workspace : model.workspaces()) {
      for (DatasetGroup group : workspace.datasetGroups()) {
        Optional<Platform> platform = assignedPlatform(group, platforms);
        if (platform.isEmpty()) {
          continue;
        }
        for (Sink sink : group.sinks()) {
          if (model.dataset(sink.datastore(), sink.dataset()).isEmpty()) {
            continue;
          }
          edges
              .get(platform.get().name())
              .computeIfAbsent(sink.datastore(), k -> new TreeMap<>())
              .computeIfAbsent(sink.dataset(), k -> new ArrayList<>())
              .add(new Consumer(workspace.name(), group.name(), group.milestoning()));
        }
      }
    }
    List<PlatformIntentions> result = new ArrayList<>();
    edges.forEach(
        (platformName, stores) -> {
          List<IngestedDatastore> datastores = new ArrayList<>();
          stores.forEach(
              (storeName, datasets) -> {
                Datastore datastore = model.datastore(storeName).orElseThrow();
                List<IngestedDataset> used = new ArrayList<>();
                datasets.forEach(
                    (datasetName, consumers) -> {
                      Dataset dataset = datastore.dataset(datasetName).orElseThrow();
                      used.add(new IngestedDataset(dataset, consumers));
                    });
                datastores.add(new IngestedDatastore(datastore, used));
              });
          result.add(new PlatformIntentions(platformsByName.get(platformName), datastores));
        });
    return new IntentionGraph(result);
  }

  /** The platform a dataset group is served by, if any. */
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

  public Optional<PlatformIntentions> platform(String name) {
    return platforms.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
