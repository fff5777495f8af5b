package dev.zdp.generator.plan;

import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.PlatformIntentions;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedMap;

/**
 * What one platform type knows about changing what it generated, for the {@link Planner}: how its
 * rendered Terraform reads back into resources, and what adding, changing or destroying one of its
 * resources or files does beyond itself (retained changes, offsets or a replication slot left
 * behind, a snapshot taken), and which dataset or datastore each of them serves. The planner
 * compares, orders and prints; every platform-specific resource, file and consequence is known
 * here. Each platform's implementation lives in its own package ({@code
 * dev.zdp.generator.zero.ZeroChanges} for Zero), listed in {@code
 * META-INF/services/dev.zdp.generator.plan.PlatformChanges}.
 */
public interface PlatformChanges {

  /** The {@code platforms[].type} whose output it knows: {@code zero}. */
  String type();

  /** One root module read back on both sides of a plan, by address. */
  record Sides(SortedMap<String, Block> before, SortedMap<String, Block> after) {}

  /**
   * Reads one root module's {@code .tf} files, as the base and the head render them, into blocks by
   * address ({@code <type>.<name>} for resources, {@code var.<name>} for variables). The files in
   * {@code alike}, rendered byte for byte alike on both sides, hold the same blocks on both and are
   * read only for the variables they declare.
   */
  Sides read(SortedMap<String, byte[]> before, SortedMap<String, byte[]> after, Set<String> alike);

  /** What adding {@code after} starts besides itself. */
  List<Callout> added(Block after);

  /** What destroying {@code before} loses or leaves behind besides itself. */
  List<Callout> destroyed(Block before);

  /** What changing a block from {@code before} to {@code after} does besides the change itself. */
  List<Callout> changed(Block before, Block after);

  /**
   * What a generated file that is not Terraform is, by its path inside the platform's directory:
   * {@code merge job} or {@code file}.
   */
  String fileType(String inPlatform);

  /**
   * What destroying a file that is not Terraform leaves behind.
   *
   * @param path the file's path in the output, as the plan names it
   * @param inPlatform the same path inside the platform's directory
   */
  List<Callout> fileDestroyed(String path, String inPlatform);

  /**
   * What a generated thing serves, for naming the workspaces a change affects: a datastore, or one
   * of its datasets.
   */
  record Serves(String datastore, Optional<String> dataset) {}

  /** The name by which {@code block} serves a single dataset (a topic's name), if it serves one. */
  Optional<String> datasetKey(Block block);

  /**
   * The name by which the platform's blocks serve {@code dataset} of {@code store}: what {@link
   * #datasetKey(Block)} gives for them.
   */
  String datasetKey(PlatformIntentions platform, IngestedDatastore store, IngestedDataset dataset);

  /**
   * What a generated file that is not Terraform serves, by its path inside the platform's
   * directory; empty when it serves the whole platform.
   */
  Optional<Serves> serves(String inPlatform);

  /** The implementation for platform type {@code type}, if zdp has one. */
  static Optional<PlatformChanges> of(String type) {
    return ServiceLoader.load(PlatformChanges.class, PlatformChanges.class.getClassLoader())
        .stream()
        .map(ServiceLoader.Provider::get)
        .filter(changes -> changes.type().equals(type))
        .findFirst();
  }
}
