package dev.zdp.model.load;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One model file's bytes and its path relative to the model root, with {@code /} separators.
 *
 * @param reread how to read the same bytes again later, if the source can; a loaded model uses it
 *     to find a location when a diagnostic needs one, instead of keeping every file's bytes
 * @param blobId the git blob id of {@code content}, when the source knows it (a file read from a
 *     commit): a later load sharing {@link BoundFiles} recognizes the file by it without hashing
 *     its bytes
 */
public record SourceFile(
    String path, byte[] content, Optional<Reread> reread, Optional<ObjectId> blobId) {

  /** Reads a file's bytes again: the same bytes {@link #content()} held. */
  @FunctionalInterface
  public interface Reread {
    byte[] content() throws IOException;
  }

  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(reread, "reread");
    Objects.requireNonNull(blobId, "blobId");
  }

  /** A file that can be read again, from a source that does not know its blob id. */
  public SourceFile(String path, byte[] content, Optional<Reread> reread) {
    this(path, content, reread, Optional.empty());
  }

  /** A file whose bytes exist only here: a loaded model keeps them. */
  public SourceFile(String path, byte[] content) {
    this(path, content, Optional.empty(), Optional.empty());
  }
}
