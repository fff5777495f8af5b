package dev.zdp.generator;

import dev.zdp.generator.template.TemplateEngine;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
 * Renders a model into the artifacts of its platforms: path (relative to the output directory,
 * {@code /}-separated, starting with the platform's name) to bytes. The same model gives the same
 * bytes, whatever the order or split of its files: no timestamps, no random ids, sorted everywhere.
 *
 * <p>Artifacts are rendered on one thread per processor, each with its own template engine.
 */
public final class Generator {

  private final Optional<Integer> shardSize;
  private final int threads;

  /** A generator writing one Terraform root module per platform. */
  public Generator() {
    this(Optional.empty());
  }

  /**
   * @param shardSize when present, each platform's Terraform is split into root modules of at most
   *     this many datastores ({@code <platform>/shard-001/}, ...); see docs/generator.md for the
   *     trade-off
   */
  public Generator(Optional<Integer> shardSize) {
    this.shardSize = Objects.requireNonNull(shardSize, "shardSize");
    if (shardSize.isPresent() && shardSize.get() < 1) {
      throw new IllegalArgumentException("--shard-size must be at least 1, got " + shardSize.get());
    }
    this.threads = Runtime.getRuntime().availableProcessors();
  }

  /** The templates a user can override, by name (e.g. {@code zero/datastore.tf.j2}). */
  public static List<String> templateNames() {
    return PlatformRenderer.builtIn().stream().flatMap(r -> r.templates().stream()).toList();
  }

  /** The options both sides of a plan must be rendered with, for {@code Planner}. */
  public Optional<Integer> shardSize() {
    return shardSize;
  }

  /**
   * Renders every platform of type {@code zero} (others are the validator's to report).
   *
   * @param userTemplates the model repository's {@code templates/} directory, whose files override
   *     the built-in templates of the same name
   * @throws dev.zdp.generator.template.TemplateException when a template is broken (names it and
   *     the line)
   * @throws GenerationException when the model holds something the platform cannot render
   */
  public SortedMap<String, byte[]> render(Model model, Optional<Path> userTemplates) {
    return render(model, userTemplates, (module, store) -> true);
  }

  /**
   * Renders like {@link #render(Model, Optional)}, leaving out the own files ({@code
   * <datastore>.tf}, MERGE jobs) of the datastores {@code rendered} refuses, given the root
   * module's directory and the datastore. Each root module's shared files and the DAG are always
   * rendered in full.
   */
  public SortedMap<String, byte[]> render(
      Model model, Optional<Path> userTemplates, BiPredicate<String, IngestedDatastore> rendered) {
    SortedMap<String, byte[]> artifacts = Collections.synchronizedSortedMap(new TreeMap<>());
    try {
      render(model, userTemplates, rendered, artifacts::put);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableSortedMap(new TreeMap<>(artifacts));
  }

  /**
   * Renders every artifact into {@code sink} as it is rendered, holding none of them: what {@code
   * zdp generate} writes through. An {@link ArtifactSink.Incremental} sink is asked first whether
   * it keeps each artifact with its fingerprint, and only what it does not keep is rendered.
   * Nothing reaches the sink when the model holds something the platform cannot render; a broken
   * template may fail the render after some artifacts reached it.
   *
   * @return the paths of every artifact, sorted
   * @throws IOException when the sink fails
   */
  public SortedSet<String> render(Model model, Optional<Path> userTemplates, ArtifactSink sink)
      throws IOException {
    return render(model, userTemplates, (module, store) -> true, sink);
  }

  private SortedSet<String> render(
      Model model,
      Optional<Path> userTemplates,
      BiPredicate<String, IngestedDatastore> rendered,
      ArtifactSink sink)
      throws IOException {
    List<PendingArtifact> artifacts = list(model, rendered);
    SortedSet<String> paths = new TreeSet<>();
    artifacts.forEach(a -> paths.add(a.path()));
    String renderer =
        sink instanceof ArtifactSink.Incremental ? Fingerprint.renderer(userTemplates) : "";
    ParallelRendering.run(
        artifacts, () -> new TemplateEngine(userTemplates), sink, threads, renderer);
    return Collections.unmodifiableSortedSet(paths);
  }

  /**
   * Which datastores' own files ({@code <datastore>.tf}, MERGE jobs) may differ between rendering
   * {@code base} with {@code baseTemplates} and {@code head} with {@code headTemplates}: given the
   * root module's directory and the datastore, true unless the datastore is in the same root module
   * of the same platform on both sides, with equal records (its datasets and their consumers
   * included), the platform's settings are equal and the templates are the same files. Rendering
   * both sides with it leaves out only files that would be rendered byte for byte alike, so a plan
   * of the two is the plan of the full renders.
   */
  public BiPredicate<String, IngestedDatastore> differences(
      Model base, Optional<Path> baseTemplates, Model head, Optional<Path> headTemplates) {
    if (!TemplateEngine.sameFiles(baseTemplates, headTemplates)) {
      return (module, store) -> true;
    }
    return differences(base, head);
  }

  /** {@link #differences(Model, Optional, Model, Optional)} for two models rendered alike. */
  public BiPredicate<String, IngestedDatastore> differences(Model base, Model head) {
    IntentionGraph baseGraph = IntentionGraph.of(base);
    IntentionGraph headGraph = IntentionGraph.of(head);
    Map<String, IngestedDatastore> before = rendered(baseGraph);
    Map<String, IngestedDatastore> after = rendered(headGraph);
    Set<String> alike = new HashSet<>();
    before.forEach(
        (key, store) -> {
          if (store.equals(after.get(key))) {
            alike.add(key);
          }
        });
    Map<String, Platform> platformsBefore = platforms(baseGraph);
    Map<String, Platform> platformsAfter = platforms(headGraph);
    return (module, store) -> {
      String platform = module.contains("/") ? module.substring(0, module.indexOf('/')) : module;
      return !alike.contains(module + "/" + store.name())
          || !Objects.equals(platformsBefore.get(platform), platformsAfter.get(platform));
    };
  }

  /** The datastores each platform renders, by root module directory and name. */
  private Map<String, IngestedDatastore> rendered(IntentionGraph graph) {
    Map<String, IngestedDatastore> stores = new HashMap<>();
    for (PlatformIntentions platform : graph.platforms()) {
      Optional<PlatformRenderer> renderer = PlatformRenderer.of(platform.platform().type());
      if (renderer.isPresent()) {
        for (PlatformRenderer.RootModule module : renderer.get().modules(platform, shardSize)) {
          module.datastores().forEach(s -> stores.put(module.dir() + "/" + s.name(), s));
        }
      }
    }
    return stores;
  }

  private static Map<String, Platform> platforms(IntentionGraph graph) {
    Map<String, Platform> platforms = new HashMap<>();
    graph.platforms().forEach(p -> platforms.put(p.platform().name(), p.platform()));
    return platforms;
  }

  /** Every artifact of the model's Zero platforms, not rendered; fails on two with one path. */
  private List<PendingArtifact> list(Model model, BiPredicate<String, IngestedDatastore> rendered) {
    IntentionGraph graph = IntentionGraph.of(model);
    List<PendingArtifact> artifacts = new ArrayList<>();
    for (PlatformIntentions platform : graph.platforms()) {
      PlatformRenderer.of(platform.platform().type())
          .ifPresent(r -> artifacts.addAll(r.artifacts(platform, shardSize, rendered)));
    }
    Set<String> seen = new HashSet<>();
    for (PendingArtifact artifact : artifacts) {
      if (!seen.add(artifact.path())) {
        throw new GenerationException(
            "Two artifacts would be written to "
                + artifact.path()
                + "; rename one of the datastores");
      }
    }
    return artifacts;
  }
}
