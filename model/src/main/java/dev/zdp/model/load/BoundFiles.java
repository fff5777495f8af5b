package dev.zdp.model.load;

import static org.eclipse.jgit.lib.Constants.OBJ_BLOB;

import dev.zdp.model.ObjectPath;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * Files bound by one load, by their git blob ids, for a later load to take instead of binding the
 * same bytes again: a pull request's base and head share all but a few files, and the objects of a
 * file both share are the same objects in both models. A file bound without a problem is taken,
 * under the later load's name for it; anything else is bound again. It keeps what binding gave for
 * every file it has seen, never the files' bytes, and lives only as long as the loads that share
 * it.
 */
public final class BoundFiles {

  /** Computes git blob ids; one per thread, since the digest it holds is not thread-safe. */
  private static final ThreadLocal<ObjectInserter.Formatter> BLOB_IDS =
      ThreadLocal.withInitial(ObjectInserter.Formatter::new);

  private final ConcurrentHashMap<ObjectId, Bound> byBlob = new ConcurrentHashMap<>();

  private record Bound(String path, ModelLoader.BoundFile file) {}

  /**
   * What binding {@code file} gives: taken from an earlier load that bound the same bytes, or from
   * {@code binder}, and then kept for a later load.
   */
  ModelLoader.BoundFile bind(SourceFile file, Function<SourceFile, ModelLoader.BoundFile> binder) {
    ObjectId blob = file.blobId().orElseGet(() -> BLOB_IDS.get().idFor(OBJ_BLOB, file.content()));
    Bound earlier = byBlob.get(blob);
    ModelLoader.BoundFile bound;
    if (earlier == null || !earlier.file().binding().problems().isEmpty()) {
      bound = binder.apply(file);
    } else if (earlier.path().equals(file.path())) {
      bound = earlier.file();
    } else {
      bound = renamed(earlier.file(), file.path());
    }
    byBlob.putIfAbsent(blob, new Bound(file.path(), bound));
    return bound;
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
    binding.adopt(bound.binding().definitions().inFile(path));
    return new ModelLoader.BoundFile(binding, bound.objects());
  }
}
