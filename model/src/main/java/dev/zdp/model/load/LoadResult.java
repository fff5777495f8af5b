package dev.zdp.model.load;

import dev.zdp.model.Model;
import java.util.List;
import java.util.Objects;

/**
 * What reading a model gave: the model (whatever could be bound; a document with a problem is left
 * out of it) and the problems found, in file and line order.
 */
public record LoadResult(Model model, List<LoadProblem> problems) {
  public LoadResult {
    Objects.requireNonNull(model, "model");
    problems = List.copyOf(problems);
  }
}
