package dev.zdp.action.report;

import dev.zdp.generator.graph.IngestedDatastore;
import dev.zdp.generator.graph.IntentionGraph;
import dev.zdp.generator.graph.PlatformIntentions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of the intention graph a change touches: per platform, the datastores whose definition,
 * used datasets or consumers differ between the base and the head (as the head has them, or as the
 * base had them when the head no longer ingests them).
 */
public final class AffectedGraph {

  private AffectedGraph() {}

  /** The affected subgraph; empty when the change touches no ingested datastore. */
  public static Optional<IntentionGraph> between(IntentionGraph base, IntentionGraph head) {
    TreeSet<String> platformNames = new TreeSet<>();
    base.platforms().forEach(p -> platformNames.add(p.name()));
    head.platforms().forEach(p -> platformNames.add(p.name()));
    List<PlatformIntentions> affected = new ArrayList<>();
    for (String name : platformNames) {
      Map<String, IngestedDatastore> before = byName(base.platform(name));
      Map<String, IngestedDatastore> after = byName(head.platform(name));
      TreeSet<String> storeNames = new TreeSet<>(before.keySet());
      storeNames.addAll(after.keySet());
      List<IngestedDatastore> changed = new ArrayList<>();
      for (String store : storeNames) {
        IngestedDatastore was = before.get(store);
        IngestedDatastore is = after.get(store);
        if (is == null) {
          changed.add(was);
        } else if (!is.equals(was)) {
          changed.add(is);
        }
      }
      if (!changed.isEmpty()) {
        PlatformIntentions platform =
            head.platform(name).or(() -> base.platform(name)).orElseThrow();
        affected.add(new PlatformIntentions(platform.platform(), changed));
      }
    }
    return affected.isEmpty() ? Optional.empty() : Optional.of(new IntentionGraph(affected));
  }

  /** How many datasets the graph draws, to keep a picture readable. */
  public static int datasets(IntentionGraph graph) {
    return graph.platforms().stream()
        .flatMap(p -> p.datastores().stream())
        .mapToInt(s -> s.datasets().size())
        .sum();
  }

  private static Map<String, IngestedDatastore> byName(Optional<PlatformIntentions> platform) {
    Map<String, IngestedDatastore> stores = new TreeMap<>();
    platform.ifPresent(p -> p.datastores().forEach(s -> stores.put(s.name(), s)));
    return stores;
  }
}
