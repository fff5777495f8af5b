package dev.zdp.generator;

import dev.zdp.generator.template.TemplateEngine;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An artifact listed but not rendered yet: its path (relative to the output directory), its
 * template, how to build the context handed to the template (built when the artifact is rendered,
 * not held for every artifact at once) and how the template's output is tidied into the file's
 * text. The template and context are all the artifact's bytes depend on, with zdp's code: what its
 * fingerprint is made of.
 */
public record PendingArtifact(
    String path,
    String template,
    Supplier<? extends Map<String, ?>> context,
    UnaryOperator<String> format) {

  /** Renders the artifact's text with the given engine (any thread's own) and its context. */
  String render(TemplateEngine engine, Map<String, ?> builtContext) {
    return format.apply(engine.render(template, builtContext));
  }
}
