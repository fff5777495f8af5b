package dev.zdp.generator;

import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.PlatformIntentions;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.BiPredicate;

/**
 * What the generator needs of one platform type: its templates, the code that decides its bytes,
 * its Terraform root modules and its artifacts. The generator goes through this interface only;
 * each platform's knowledge lives in its own package ({@code dev.zdp.generator.zero} for Zero),
 * listed in {@code META-INF/services/dev.zdp.generator.PlatformRenderer}.
 */
public interface PlatformRenderer {

  /** The {@code platforms[].type} it renders: {@code zero}. */
  String type();

  /** The templates it renders with, as a user's directory overrides them. */
  List<String> templates();

  /**
   * The classes whose code decides its artifacts' bytes besides the templates, for fingerprints.
   */
  List<String> renderingCode();

  /** A Terraform root module: its directory (relative to the output) and its datastores. */
  record RootModule(String dir, List<IngestedDatastore> datastores) {

    public RootModule {
      datastores = List.copyOf(datastores);
    }
  }

  /** The platform's root modules, split into shards of at most {@code shardSize} datastores. */
  List<RootModule> modules(PlatformIntentions platform, Optional<Integer> shardSize);

  /**
   * Lists the platform's artifacts, each with how to render it, without rendering any.
   *
   * @param rendered which datastores' own files to list, given the root module's directory and the
   *     datastore
   */
  List<PendingArtifact> artifacts(
      PlatformIntentions platform,
      Optional<Integer> shardSize,
      BiPredicate<String, IngestedDatastore> rendered);

  /** Every platform renderer zdp ships, in the order of its services file. */
  static List<PlatformRenderer> builtIn() {
    return ServiceLoader.load(PlatformRenderer.class, PlatformRenderer.class.getClassLoader())
        .stream()
        .map(ServiceLoader.Provider::get)
        .toList();
  }

  /** The renderer of platform type {@code type}, if zdp has one. */
  static Optional<PlatformRenderer> of(String type) {
    return builtIn().stream().filter(r -> r.type().equals(type)).findFirst();
  }
}
