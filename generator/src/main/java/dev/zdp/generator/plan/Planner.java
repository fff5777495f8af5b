package dev.zdp.generator.plan;

import dev.zdp.generator.Generator;
import dev.zdp.generator.plan.Callout.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Compares what the base model generates with what the head model generates: Terraform by root
 * module and resource address (the rendered HCL parsed back), MERGE jobs and other files by path.
 * Every change names the workspaces it affects. What a change does beyond itself (a destructive
 * change, where a table's capture starts) is the platform's knowledge: its {@link PlatformChanges}
 * reads its Terraform back and says; the planner orders and prints it.
 */
public final class Planner {

  private Planner() {}

  /**
   * Renders both models with the same generator options and compares them. Only what can differ is
   * rendered: the files of the datastores whose records, consumers or platform differ between the
   * two (all of them when the templates differ), and every root module's shared files and the DAG.
   * The plan is the same as that of two full renders.
   */
  public static Plan plan(
      Model base,
      Model head,
      Generator generator,
      Optional<Path> baseTemplates,
      Optional<Path> headTemplates) {
    BiPredicate<String, IngestedDatastore> differing =
        generator.differences(base, baseTemplates, head, headTemplates);
    return diff(
        generator.render(base, baseTemplates, differing),
        generator.render(head, headTemplates, differing),
        IntentionGraph.of(base),
        IntentionGraph.of(head));
  }

  /** Like {@link #plan} but every artifact of both sides is rendered: what a plan must equal. */
  static Plan planInFull(
      Model base,
      Model head,
      Generator generator,
      Optional<Path> baseTemplates,
      Optional<Path> headTemplates) {
    return diff(
        generator.render(base, baseTemplates),
        generator.render(head, headTemplates),
        IntentionGraph.of(base),
        IntentionGraph.of(head));
  }

  /** Compares two artifact sets; the graphs say which workspaces each change affects. */
  public static Plan diff(
      SortedMap<String, byte[]> base,
      SortedMap<String, byte[]> head,
      IntentionGraph baseGraph,
      IntentionGraph headGraph) {
    Platforms platforms = new Platforms(baseGraph, headGraph);
    Consumers consumers = new Consumers(platforms, baseGraph, headGraph);
    List<PlannedChange> changes = new ArrayList<>();
    SortedMap<String, SortedMap<String, byte[]>> baseModules = modules(base);
    SortedMap<String, SortedMap<String, byte[]>> headModules = modules(head);
    SortedSet<String> moduleNames = new TreeSet<>(baseModules.keySet());
    moduleNames.addAll(headModules.keySet());
    for (String module : moduleNames) {
      SortedMap<String, byte[]> baseFiles = baseModules.getOrDefault(module, new TreeMap<>());
      SortedMap<String, byte[]> headFiles = headModules.getOrDefault(module, new TreeMap<>());
      // Parsing is most of a plan's time and a pull request changes few files: a file rendered
      // alike on both sides holds the same blocks on both, so neither side reads its blocks.
      Set<String> alike = new HashSet<>();
      baseFiles.forEach(
          (file, bytes) -> {
            if (Arrays.equals(bytes, headFiles.get(file))) {
              alike.add(file);
            }
          });
      PlatformChanges platform =
          platforms
              .of(platformOf(module))
              .orElseThrow(() -> new IllegalStateException("no PlatformChanges for " + module));
      PlatformChanges.Sides sides = platform.read(baseFiles, headFiles, alike);
      SortedSet<String> addresses = new TreeSet<>(sides.before().keySet());
      addresses.addAll(sides.after().keySet());
      for (String address : addresses) {
        Block before = sides.before().get(address);
        Block after = sides.after().get(address);
        compareBlock(module, address, before, after, consumers, platform).ifPresent(changes::add);
      }
    }
    changes = markMoves(changes);
    SortedSet<String> files = new TreeSet<>();
    base.keySet().stream().filter(p -> !p.endsWith(".tf")).forEach(files::add);
    head.keySet().stream().filter(p -> !p.endsWith(".tf")).forEach(files::add);
    for (String file : files) {
      compareFile(file, base.get(file), head.get(file), consumers, platforms)
          .ifPresent(changes::add);
    }
    return new Plan(changes);
  }

  private static SortedMap<String, SortedMap<String, byte[]>> modules(
      SortedMap<String, byte[]> artifacts) {
    SortedMap<String, SortedMap<String, byte[]>> modules = new TreeMap<>();
    artifacts.forEach(
        (path, bytes) -> {
          if (path.endsWith(".tf")) {
            modules.computeIfAbsent(parent(path), k -> new TreeMap<>()).put(path, bytes);
          }
        });
    return modules;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static Optional<PlannedChange> compareBlock(
      String module,
      String address,
      Block before,
      Block after,
      Consumers consumers,
      PlatformChanges platform) {
    Block any = after != null ? after : before;
    SortedSet<String> workspaces = consumers.ofBlock(module, any);
    if (before == null) {
      return Optional.of(
          new PlannedChange(
              Action.ADD,
              module,
              address,
              any.type(),
              List.of(),
              platform.added(after),
              workspaces));
    }
    if (after == null) {
      return Optional.of(
          new PlannedChange(
              Action.DESTROY,
              module,
              address,
              any.type(),
              List.of(),
              platform.destroyed(before),
              workspaces));
    }
    List<KeyChange> keys = new ArrayList<>();
    SortedSet<String> names = new TreeSet<>(before.attributes().keySet());
    names.addAll(after.attributes().keySet());
    for (String key : names) {
      String was = before.attributes().get(key);
      String is = after.attributes().get(key);
      if (Objects.equals(was, is)) {
        continue;
      }
      boolean secret = before.sensitive().contains(key) || after.sensitive().contains(key);
      keys.add(
          new KeyChange(
              key,
              Optional.ofNullable(was).map(v -> secret ? KeyChange.MASK : v),
              Optional.ofNullable(is).map(v -> secret ? KeyChange.MASK : v)));
    }
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PlannedChange(
            Action.CHANGE,
            module,
            address,
            any.type(),
            keys,
            platform.changed(before, after),
            workspaces));
  }

  private static Optional<PlannedChange> compareFile(
      String path, byte[] before, byte[] after, Consumers consumers, Platforms platforms) {
    Optional<PlatformChanges> platform = platforms.of(path.split("/")[0]);
    String type = platform.map(p -> p.fileType(inPlatform(path))).orElse("file");
    SortedSet<String> workspaces = consumers.ofFile(path);
    if (before == null) {
      return Optional.of(
          new PlannedChange(
              Action.ADD, parent(path), path, type, List.of(), List.of(), workspaces));
    }
    if (after == null) {
      List<Callout> callouts =
          platform.map(p -> p.fileDestroyed(path, inPlatform(path))).orElse(List.of());
      return Optional.of(
          new PlannedChange(
              Action.DESTROY, parent(path), path, type, List.of(), callouts, workspaces));
    }
    if (Arrays.equals(before, after)) {
      return Optional.empty();
    }
    return Optional.of(
        new PlannedChange(
            Action.CHANGE,
            parent(path),
            path,
            type,
            List.of(new KeyChange("content", Optional.of("(before)"), Optional.of("(after)"))),
            List.of(),
            workspaces));
  }

  /**
   * A resource destroyed in one module and added under the same address in another moved; {@code
   * changes} are the Terraform blocks' changes.
   */
  private static List<PlannedChange> markMoves(List<PlannedChange> changes) {
    Map<String, List<PlannedChange>> byAddress = new TreeMap<>();
    for (PlannedChange change : changes) {
      if (change.action() != Action.CHANGE && !change.type().equals("variable")) {
        byAddress
            .computeIfAbsent(
                platformOf(change.module()) + " " + change.address(), k -> new ArrayList<>())
            .add(change);
      }
    }
    List<PlannedChange> result = new ArrayList<>();
    for (PlannedChange change : changes) {
      List<PlannedChange> same =
          byAddress.getOrDefault(platformOf(change.module()) + " " + change.address(), List.of());
      Optional<PlannedChange> other =
          same.stream().filter(c -> c.action() != change.action()).findFirst();
      if (other.isEmpty()) {
        result.add(change);
        continue;
      }
      List<Callout> callouts = new ArrayList<>(change.callouts());
      String from = change.action() == Action.DESTROY ? change.module() : other.get().module();
      String to = change.action() == Action.DESTROY ? other.get().module() : change.module();
      callouts.add(
          new Callout(
              Kind.MOVED_BETWEEN_MODULES,
              change.address()
                  + " moves from root module "
                  + from
                  + " to "
                  + to
                  + ": Terraform destroys it in one state and creates it in the other unless"
                  + " you move it first (terraform state mv, or import)"));
      result.add(
          new PlannedChange(
              change.action(),
              change.module(),
              change.address(),
              change.type(),
              change.keys(),
              callouts,
              change.workspaces()));
    }
    return result;
  }

  private static String platformOf(String module) {
    int slash = module.indexOf('/');
    return slash < 0 ? module : module.substring(0, slash);
  }

  /** The {@link PlatformChanges} of each platform of either model, by the platform's name. */
  private static final class Platforms {
    private final Map<String, Optional<PlatformChanges>> byName = new TreeMap<>();

    Platforms(IntentionGraph... graphs) {
      for (IntentionGraph graph : graphs) {
        for (PlatformIntentions platform : graph.platforms()) {
          byName.computeIfAbsent(
              platform.name(), name -> PlatformChanges.of(platform.platform().type()));
        }
      }
    }

    /** The platform named {@code name}'s changes; empty for a directory no platform has. */
    Optional<PlatformChanges> of(String name) {
      return byName.getOrDefault(name, Optional.empty());
    }
  }

  /**
   * Which workspaces consume what, in either model, looked up for the few blocks and files a plan
   * reports: an index of every dataset of both models by its resources' names took a sixth of a
   * pull request's check at 10,000 datastores, for a change to a handful. A platform's datastores
   * are indexed by name when the platform is first asked about; the rest is computed per datastore
   * (or for the whole platform) when first asked, and kept.
   */
  private static final class Consumers {
    private final Platforms platforms;
    private final List<IntentionGraph> graphs;
    private final Map<String, Map<String, List<Store>>> storesByPlatform = new HashMap<>();
    private final Map<String, SortedSet<String>> byPlatform = new HashMap<>();
    private final Map<String, Map<String, SortedSet<String>>> keysByStore = new HashMap<>();
    private final Map<String, Map<String, SortedSet<String>>> keysByPlatform = new HashMap<>();

    /** A datastore a platform ingests, in one of the graphs. */
    private record Store(PlatformIntentions platform, IngestedDatastore datastore) {}

    Consumers(Platforms platforms, IntentionGraph... graphs) {
      this.platforms = platforms;
      this.graphs = List.of(graphs);
    }

    SortedSet<String> ofBlock(String module, Block block) {
      String platform = platformOf(module);
      Optional<PlatformChanges> changes = platforms.of(platform);
      Optional<String> key = changes.flatMap(p -> p.datasetKey(block));
      String file = block.file();
      String name = file.substring(file.lastIndexOf('/') + 1);
      String datastore = name.substring(0, name.length() - ".tf".length());
      if (key.isPresent()) {
        SortedSet<String> dataset = ofDatasetKey(platform, changes.get(), datastore, key.get());
        if (dataset != null) {
          return dataset;
        }
      }
      if (name.equals("versions.tf") || name.equals("variables.tf")) {
        return ofPlatform(platform);
      }
      return ofDatastore(platform, datastore, Optional.empty());
    }

    SortedSet<String> ofFile(String path) {
      String platform = path.split("/")[0];
      Optional<PlatformChanges.Serves> serves =
          platforms.of(platform).flatMap(p -> p.serves(inPlatform(path)));
      if (serves.isEmpty()) {
        return ofPlatform(platform);
      }
      return ofDatastore(platform, serves.get().datastore(), serves.get().dataset());
    }

    /** The consumers of a platform's datastore, or of one of its datasets. */
    private SortedSet<String> ofDatastore(
        String platform, String datastore, Optional<String> dataset) {
      SortedSet<String> workspaces = new TreeSet<>();
      for (Store store : stores(platform).getOrDefault(datastore, List.of())) {
        for (IngestedDataset ingested : store.datastore().datasets()) {
          if (dataset.isEmpty() || ingested.name().equals(dataset.get())) {
            workspaces.addAll(ingested.workspaces());
          }
        }
      }
      return workspaces;
    }

    /** Every consumer of a platform. */
    private SortedSet<String> ofPlatform(String platform) {
      return byPlatform.computeIfAbsent(
          platform,
          p -> {
            SortedSet<String> workspaces = new TreeSet<>();
            stores(p).values().forEach(stores -> stores.forEach(s -> addAll(s, workspaces)));
            return workspaces;
          });
    }

    private static void addAll(Store store, SortedSet<String> workspaces) {
      store.datastore().datasets().forEach(dataset -> workspaces.addAll(dataset.workspaces()));
    }

    /**
     * The consumers of the datasets whose resources {@code key} names (a topic's name, say), null
     * if none does. A dataset's resources are written in its datastore's file, so that datastore's
     * datasets are asked first; keys are unique in a checked model (the platform's rules reject two
     * datasets with one topic), so the platform's other datastores are asked (all of them, indexed
     * once) only when that one has none.
     */
    private SortedSet<String> ofDatasetKey(
        String platform, PlatformChanges changes, String datastore, String key) {
      SortedSet<String> inFile =
          keysByStore
              .computeIfAbsent(
                  platform + "/" + datastore,
                  k -> keys(stores(platform).getOrDefault(datastore, List.of()), changes))
              .get(key);
      if (inFile != null) {
        return inFile;
      }
      return keysByPlatform
          .computeIfAbsent(
              platform,
              p -> keys(stores(p).values().stream().flatMap(List::stream).toList(), changes))
          .get(key);
    }

    /** The consumers of each dataset key of these datastores. */
    private static Map<String, SortedSet<String>> keys(
        List<Store> stores, PlatformChanges changes) {
      Map<String, SortedSet<String>> index = new HashMap<>();
      for (Store store : stores) {
        for (IngestedDataset dataset : store.datastore().datasets()) {
          index
              .computeIfAbsent(
                  changes.datasetKey(store.platform(), store.datastore(), dataset),
                  k -> new TreeSet<>())
              .addAll(dataset.workspaces());
        }
      }
      return index;
    }

    /** A platform's datastores in both graphs, by name. */
    private Map<String, List<Store>> stores(String platform) {
      return storesByPlatform.computeIfAbsent(
          platform,
          p -> {
            Map<String, List<Store>> byName = new HashMap<>();
            for (IntentionGraph graph : graphs) {
              for (PlatformIntentions intentions : graph.platforms()) {
                if (intentions.name().equals(p)) {
                  for (IngestedDatastore store : intentions.datastores()) {
                    byName
                        .computeIfAbsent(store.name(), n -> new ArrayList<>(2))
                        .add(new Store(intentions, store));
                  }
                }
              }
            }
            return byName;
          });
    }
  }

  /** {@code merge/crm/customers.sql} for {@code zero/merge/crm/customers.sql}. */
  private static String inPlatform(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
