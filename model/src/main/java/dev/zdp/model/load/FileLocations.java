package dev.zdp.model.load;

import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a path of a loaded model was written, found by binding again, with every location recorded,
 * the files that define the path's top-level object or document. Diagnostics are few, so a clean
 * model never pays for this, and a file is bound at most once.
 *
 * <p>The answer is the one recording every location while loading would give: files are searched in
 * path order and, inside a file, the first document to write a path wins.
 */
final class FileLocations {

  private final List<SourceFile> files;
  private final Map<ObjectPath, List<Integer>> filesByRoot;
  private final YamlReader reader;
  private final Map<Integer, Map<ObjectPath, SourceLocation>> boundFiles = new HashMap<>();

  /**
   * @param files the model's files in path order
   * @param filesByRoot the indexes in {@code files} of the files that define each top-level object
   *     path ({@code Datastore/crm}) or document path ({@code crm.yaml#1}), in path order
   */
  FileLocations(
      List<SourceFile> files, Map<ObjectPath, List<Integer>> filesByRoot, YamlReader reader) {
    this.files = files;
    this.filesByRoot = filesByRoot;
    this.reader = reader;
  }

  synchronized Optional<SourceLocation> exact(ObjectPath path) {
    List<String> segments = path.segments();
    for (int depth = 1; depth <= Math.min(2, segments.size()); depth++) {
      List<Integer> defining = filesByRoot.get(new ObjectPath(segments.subList(0, depth)));
      if (defining == null) {
        continue;
      }
      for (int file : defining) {
        SourceLocation found = locations(file).get(path);
        if (found != null) {
          return Optional.of(found);
        }
      }
    }
    return Optional.empty();
  }

  private Map<ObjectPath, SourceLocation> locations(int file) {
    return boundFiles.computeIfAbsent(
        file, f -> ModelLoader.bind(files.get(f), reader, new Binding(true)).binding().sources());
  }
}
