package dev.zdp.generator.template;

import java.util.Objects;

/**
 * A template could not be rendered: an unknown variable or field, a syntax error, a missing
 * template. The message names the template and the line, for the user to fix the template.
 */
public final class TemplateException extends RuntimeException {

  private final String template;
  private final int line;

  public TemplateException(String template, int line, String problem) {
    super("template " + template + (line > 0 ? " line " + line : "") + ": " + problem);
    this.template = Objects.requireNonNull(template, "template");
    this.line = line;
  }

  /** The template's name, e.g. {@code zero/datastore.tf.j2}. */
  public String template() {
    return template;
  }

  /** The 1-based line in the template, or 0 when the problem is not on one line. */
  public int line() {
    return line;
  }
}
