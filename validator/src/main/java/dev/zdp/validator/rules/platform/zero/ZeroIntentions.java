package dev.zdp.validator.rules.platform.zero;

import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.validator.rules.Platforms;
import dev.zdp.validator.rules.ResolvedSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each Zero platform ingests: the intention graph restricted to platforms of {@code type:
 * zero}. A datastore is ingested by a platform when a dataset group assigned to it sinks one of its
 * datasets, and only the sunk datasets are captured. Everything is sorted by name, as the generator
 * sorts it, so "the first" of two colliding names is the same on every run.
 */
record ZeroIntentions(Platform platform, List<Ingested> datastores) {

  /** One ingested datastore and the datasets of it that are sunk, sorted by name. */
  record Ingested(Datastore datastore, List<Dataset> datasets) {

    ObjectPath path() {
      return ObjectPath.of(Kind.DATASTORE, datastore.name());
    }

    ObjectPath path(Dataset dataset) {
      return path().item("datasets", dataset.name());
    }
  }

  /** The Zero platforms of the model, sorted by name, each with what it ingests. */
  static List<ZeroIntentions> of(Model model) {
    Map<String, Platform> zero = new TreeMap<>();
    for (Platform platform : Platforms.of(model)) {
      if (Platform.ZERO.equals(platform.type())) {
        zero.putIfAbsent(platform.name(), platform);
      }
    }
    Map<String, Map<String, Map<String, Dataset>>> used = new TreeMap<>();
    zero.keySet().forEach(name -> used.put(name, new TreeMap<>()));
    for (ResolvedSink sink : ResolvedSink.of(model)) {
      Optional<Platform> platform = Platforms.assigned(model, sink.group());
      if (platform.isEmpty() || !zero.containsKey(platform.get().name())) {
        continue;
      }
      used.get(platform.get().name())
          .computeIfAbsent(sink.datastore().name(), k -> new TreeMap<>())
          .putIfAbsent(sink.dataset().name(), sink.dataset());
    }
    List<ZeroIntentions> result = new ArrayList<>();
    used.forEach(
        (platformName, stores) -> {
          List<Ingested> ingested = new ArrayList<>();
          stores.forEach(
              (storeName, datasets) ->
                  ingested.add(
                      new Ingested(
                          model.datastore(storeName).orElseThrow(),
                          List.copyOf(datasets.values()))));
          result.add(new ZeroIntentions(zero.get(platformName), ingested));
        });
    return result;
  }
}
