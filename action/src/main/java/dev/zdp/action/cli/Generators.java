package dev.zdp.action.cli;

import dev.zdp.generator.Generator;
import dev.zdp.generator.template.TemplateException;
import dev.zdp.model.Model;
import java.util.Optional;
import java.util.SortedMap;

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
    try {
      return generator.render(model, templates.directory());
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
