package dev.zdp.model.load;

import dev.zdp.model.Definition;
import dev.zdp.model.Definitions;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What binding the documents of one file collects: problems, every named definition, the top-level
 * paths (objects and documents) the file defines, and — only when asked for — the location of every
 * bound path. Shared by the per-mapping {@link Fields} readers.
 *
 * <p>A model load does not record locations: at ten thousand datastores they are millions of
 * entries, most of the heap. {@link FileLocations} binds a file again with locations on when a
 * diagnostic needs one.
 */
final class Binding {

  private final boolean recordsLocations;
  private final Interner interner;
  private final List<LoadProblem> problems = new ArrayList<>();
  private final Map<ObjectPath, SourceLocation> sources = new HashMap<>();
  private Definitions.Builder definitions = new Definitions.Builder();
  private Definitions defined;
  private final Set<ObjectPath> roots = new LinkedHashSet<>();

  /**
   * @param recordsLocations whether {@link #locate} records; {@link #define} always does
   */
  Binding(boolean recordsLocations) {
    this(recordsLocations, new Interner());
  }

  Binding(boolean recordsLocations, Interner interner) {
    this.recordsLocations = recordsLocations;
    this.interner = interner;
  }

  /** Shares repeated values between the files of one load. */
  Interner interner() {
    return interner;
  }

  List<LoadProblem> problems() {
    return problems;
  }

  /** Where every bound path was written, if this binding records locations. */
  Map<ObjectPath, SourceLocation> sources() {
    return sources;
  }

  /**
   * The definitions recorded, packed when first asked for: binding is over then, and none may be
   * added. A base's load may ask from several threads for the head's bindings it shares.
   */
  synchronized Definitions definitions() {
    if (defined == null) {
      defined = definitions.build();
      definitions = null;
    }
    return defined;
  }

  /** The document and object paths the bound documents define, in reading order. */
  Set<ObjectPath> roots() {
    return roots;
  }

  boolean recordsLocations() {
    return recordsLocations;
  }

  /** Records where {@code path} was written; the first definition of a path wins. */
  void locate(ObjectPath path, SourceLocation at) {
    if (recordsLocations) {
      sources.putIfAbsent(path, at);
    }
  }

  /** Records a document's path ({@code file.yaml#2}), under which its header fields are located. */
  void document(ObjectPath path) {
    roots.add(path);
  }

  /**
   * Takes {@code packed} as this binding's definitions, in place of any recorded: another file's,
   * renamed. Their top-level paths become this binding's roots.
   */
  synchronized void adopt(Definitions packed) {
    definitions = null;
    defined = packed;
    for (Definition definition : packed.topLevel()) {
      roots.add(definition.path());
    }
  }

  void define(ObjectPath path, SourceLocation at) {
    if (definitions == null) {
      throw new IllegalStateException("definition of " + path + " after the file's were packed");
    }
    definitions.add(path, at);
    if (path.parent().equals(path)) {
      roots.add(path);
    }
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
