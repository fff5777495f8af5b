package dev.zdp.model.load;

import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import java.io.IOException;
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

  private final List<KeptFile> files;
  private final Map<ObjectPath, List<Integer>> filesByRoot;
  private YamlReader reader;
  private final Map<Integer, Map<ObjectPath, SourceLocation>> boundFiles = new HashMap<>();

  /**
   * @param files the model's files in path order
   * @param filesByRoot the indexes in {@code files} of the files that define each top-level object
   *     path ({@code Datastore/crm}) or document path ({@code crm.yaml#1}), in path order
   */
  FileLocations(List<SourceFile> files, Map<ObjectPath, List<Integer>> filesByRoot) {
    this.files = files.stream().map(KeptFile::of).toList();
    this.filesByRoot = filesByRoot;
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
    return boundFiles.computeIfAbsent(file, this::bind);
  }

  private Map<ObjectPath, SourceLocation> bind(int index) {
    if (reader == null) {
      reader = new YamlReader();
    }
    Optional<SourceFile> file = files.get(index).file();
    if (file.isEmpty()) {
      return Map.of();
    }
    return ModelLoader.bind(file.get(), reader, new Binding(true, reader.interner()))
        .binding()
        .sources();
  }

  /**
   * A file of the model, as a location needs it: its bytes are kept only when they cannot be read
   * again.
   */
  private record KeptFile(
      String path, Optional<byte[]> content, Optional<SourceFile.Reread> reread) {

    static KeptFile of(SourceFile file) {
      return new KeptFile(
          file.path(),
          file.reread().isPresent() ? Optional.empty() : Optional.of(file.content()),
          file.reread());
    }

    /** The file again; empty if it can no longer be read (then its nodes have no location). */
    Optional<SourceFile> file() {
      if (content.isPresent()) {
        return Optional.of(new SourceFile(path, content.get()));
      }
      try {
        return Optional.of(new SourceFile(path, reread.orElseThrow().content()));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }
}
