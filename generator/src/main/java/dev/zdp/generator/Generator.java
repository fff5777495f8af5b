package dev.zdp.generator;

import dev.zdp.generator.template.TemplateEngine;
import dev.zdp.generator.zero.ZeroRenderer;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders a model into the artifacts of its platforms: path (relative to the output directory,
 * {@code /}-separated, starting with the platform's name) to bytes. The same model gives the same
 * bytes, whatever the order or split of its files: no timestamps, no random ids, sorted everywhere.
 */
public final class Generator {

  private final Optional<Integer> shardSize;

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
  }

  /** The templates a user can override, by name (e.g. {@code zero/datastore.tf.j2}). */
  public static List<String> templateNames() {
    return ZeroRenderer.TEMPLATES;
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
    IntentionGraph graph = IntentionGraph.of(model);
    ZeroRenderer zero = new ZeroRenderer(new TemplateEngine(userTemplates));
    SortedMap<String, byte[]> artifacts = new TreeMap<>();
    for (PlatformIntentions platform : graph.platforms()) {
      if (Platform.ZERO.equals(platform.platform().type())) {
        artifacts.putAll(zero.render(platform, shardSize));
      }
    }
    return Collections.unmodifiableSortedMap(artifacts);
  }
}
