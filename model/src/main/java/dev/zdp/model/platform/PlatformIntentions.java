package dev.zdp.model.platform;

import dev.zdp.model.Platform;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What one platform must ingest: the used datastores, sorted by name. */
public record PlatformIntentions(Platform platform, List<IngestedDatastore> datastores) {

  public PlatformIntentions {
    Objects.requireNonNull(platform, "platform");
    datastores = datastores.stream().sorted(Comparator.comparing(IngestedDatastore::name)).toList();
  }

  public String name() {
    return platform.name();
  }

  public Optional<IngestedDatastore> datastore(String name) {
    return datastores.stream().filter(d -> d.name().equals(name)).findFirst();
  }
}
