package dev.zdp.model.load;

import dev.zdp.model.Definition;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files bound by one load, by their bytes, for a later load to take instead of binding the same
 * bytes again: a pull request's base and head share all but a few files. A file bound without a
 * problem is taken, under the later load's name for it; anything else is bound again. Keeps the
 * bytes of every file it has seen, so it lives only as long as the loads that share it.
 */
public final class BoundFiles {

  private final ConcurrentHashMap<Bytes, Bound> byContent = new ConcurrentHashMap<>();

  /**
   * The same files by the {@link SourceFile} itself: a file both sides share as one object (see
   * {@link GitCommitSource.Commits}) is found without hashing or comparing its bytes.
   */
  private final Map<SourceFile, ModelLoader.BoundFile> bySource =
      Collections.synchronizedMap(new IdentityHashMap<>());

  /** A file's bytes, compared by content. */
  private record Bytes(byte[] content, int hash) {
    static Bytes of(byte[] content) {
      return new Bytes(content, Arrays.hashCode(content));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes b && hash == b.hash && Arrays.equals(content, b.content);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private record Bound(String path, ModelLoader.BoundFile file) {}

  /** What binding {@code file} gives, taken from an earlier load when it bound the same bytes. */
  Optional<ModelLoader.BoundFile> earlier(SourceFile file) {
    ModelLoader.BoundFile same = bySource.get(file);
    if (same != null) {
      return same.binding().problems().isEmpty() ? Optional.of(same) : Optional.empty();
    }
    Bound bound = byContent.get(Bytes.of(file.content()));
    if (bound == null || !bound.file().binding().problems().isEmpty()) {
      return Optional.empty();
    }
    if (bound.path().equals(file.path())) {
      return Optional.of(bound.file());
    }
    return Optional.of(renamed(bound.file(), file.path()));
  }

  void remember(SourceFile file, ModelLoader.BoundFile bound) {
    if (bySource.putIfAbsent(file, bound) != null) {
      return;
    }
    byContent.putIfAbsent(Bytes.of(file.content()), new Bound(file.path(), bound));
  }

  /**
   * The same bound file under another name: the objects are the same, definitions are located in
   * the file of that name and document paths ({@code file.yaml#2}) name it.
   */
  private static ModelLoader.BoundFile renamed(ModelLoader.BoundFile bound, String path) {
    Binding binding = new Binding(false);
    for (ObjectPath root : bound.binding().roots()) {
      if (root.size() == 1) {
        String document = root.last();
        int index = Integer.parseInt(document.substring(document.lastIndexOf('#') + 1));
        binding.document(ObjectPath.document(path, index));
      }
    }
    for (Definition definition : bound.binding().definitions()) {
      SourceLocation at = definition.location();
      binding.define(definition.path(), new SourceLocation(path, at.line(), at.column()));
    }
    return new ModelLoader.BoundFile(binding, bound.objects());
  }
}
