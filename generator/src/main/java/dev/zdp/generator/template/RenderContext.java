package dev.zdp.generator.template;

import com.hubspot.jinjava.interpret.Context;
import java.util.Map;
import java.util.Set;

/**
 * The context of one render, which keeps no record of what was resolved. Jinjava adds the text of
 * every expression and the name of every variable it resolves to a set in the current scope and in
 * each scope above it, up to the global context, for callers that ask afterwards what a template
 * used (its eager mode, {@code RenderResult}); zdp never asks, and those set insertions cost a
 * tenth of a render. A {@code for} loop's scope still records into its own set; the chain stops
 * here.
 */
final class RenderContext extends Context {

  RenderContext(Context parent, Map<String, ?> variables, Map<Library, Set<String>> disabled) {
    super(parent, variables, disabled);
  }

  @Override
  public void addResolvedExpression(String expression) {}

  @Override
  public void addResolvedValue(String value) {}

  @Override
  public void addResolvedFunction(String function) {}
}
