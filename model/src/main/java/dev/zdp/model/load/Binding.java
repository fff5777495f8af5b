package dev.zdp.model.load;

import dev.zdp.model.Definition;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What binding all documents collects: problems, the location of every bound path, and every named
 * definition. Shared by the per-mapping {@link Fields} readers.
 */
final class Binding {

  private final List<LoadProblem> problems = new ArrayList<>();
  private final Map<ObjectPath, SourceLocation> sources = new HashMap<>();
  private final List<Definition> definitions = new ArrayList<>();

  List<LoadProblem> problems() {
    return problems;
  }

  Map<ObjectPath, SourceLocation> sources() {
    return sources;
  }

  List<Definition> definitions() {
    return definitions;
  }

  /** Records where {@code path} was written; the first definition of a path wins. */
  void locate(ObjectPath path, SourceLocation at) {
    sources.putIfAbsent(path, at);
  }

  void define(ObjectPath path, SourceLocation at) {
    definitions.add(new Definition(path, at));
    locate(path, at);
  }

  void problem(
      LoadProblem.Code code, String message, SourceLocation at, ObjectPath path, String hint) {
    problems.add(new LoadProblem(code, message, at, Optional.ofNullable(path), hint));
  }

  int problemCount() {
    return problems.size();
  }
}
