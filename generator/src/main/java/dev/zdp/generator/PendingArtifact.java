package dev.zdp.generator;

import dev.zdp.generator.template.TemplateEngine;

/**
 * An artifact listed but not rendered yet: its path (relative to the output directory) and how to
 * render it with a template engine, which may be any thread's own.
 */
public record PendingArtifact(String path, Rendering rendering) {

  /** Renders one artifact's text with the given engine. */
  @FunctionalInterface
  public interface Rendering {
    String render(TemplateEngine engine);
  }
}
