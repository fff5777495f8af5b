package dev.zdp.action.cli;

import dev.zdp.action.engine.CannotRun;
import dev.zdp.action.engine.UserTemplates;
import dev.zdp.generator.ArtifactSink;
import dev.zdp.generator.Generator;
import dev.zdp.generator.template.TemplateException;
import dev.zdp.model.Model;
import dev.zdp.model.platform.IngestedDatastore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/** What {@code generate} and {@code plan} share: the generator's options and template failures. */
final class Generators {

  private Generators() {}

  /** A generator with {@code --shard-size}, which must be at least 1 when given. */
  static Generator withShardSize(Integer shardSize) {
    if (shardSize != null && shardSize < 1) {
      throw new CannotRun(
          "--shard-size must be at least 1, got "
              + shardSize
              + "; leave it out for one Terraform root module per platform");
    }
    return new Generator(Optional.ofNullable(shardSize));
  }

  /**
   * Renders {@code model}; a broken template becomes a {@link CannotRun} naming the template, its
   * line and, for a user's template, the file to fix.
   *
   * @param modelShownAs where the model comes from, for messages
   */
  static SortedMap<String, byte[]> render(
      Generator generator, Model model, UserTemplates templates, String modelShownAs) {
    return render(templates, modelShownAs, () -> generator.render(model, templates.directory()));
  }

  /**
   * Renders {@code model} as {@link #render} does, leaving out the own files of the datastores
   * {@code rendered} refuses (see {@link Generator#differences}).
   */
  static SortedMap<String, byte[]> render(
      Generator generator,
      Model model,
      UserTemplates templates,
      String modelShownAs,
      BiPredicate<String, IngestedDatastore> rendered) {
    return render(
        templates, modelShownAs, () -> generator.render(model, templates.directory(), rendered));
  }

  /** Renders {@code model} into {@code sink} as {@link #render} does; returns the paths. */
  static SortedSet<String> render(
      Generator generator,
      Model model,
      UserTemplates templates,
      String modelShownAs,
      ArtifactSink sink)
      throws IOException {
    try {
      return render(
          templates,
          modelShownAs,
          () -> {
            try {
              return generator.render(model, templates.directory(), sink);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Runs a render; a broken template becomes a {@link CannotRun}. */
  static <T> T render(UserTemplates templates, String modelShownAs, Supplier<T> render) {
    try {
      return render.get();
    } catch (TemplateException e) {
      throw new CannotRun(
          "cannot render the model in "
              + modelShownAs
              + ": "
              + e.getMessage()
              + templates
                  .fileToFix(e.template())
                  .map(f -> " (fix " + f + ", or delete it to use the built-in template)")
                  .orElse(" (zdp's built-in template: please report this as a bug)"),
          e);
    }
  }
}
