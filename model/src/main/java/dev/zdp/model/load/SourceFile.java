package dev.zdp.model.load;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * One model file's bytes and its path relative to the model root, with {@code /} separators.
 *
 * @param reread how to read the same bytes again later, if the source can; a loaded model uses it
 *     to find a location when a diagnostic needs one, instead of keeping every file's bytes
 */
public record SourceFile(String path, byte[] content, Optional<Reread> reread) {

  /** Reads a file's bytes again: the same bytes {@link #content()} held. */
  @FunctionalInterface
  public interface Reread {
    byte[] content() throws IOException;
  }

  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(reread, "reread");
  }

  /** A file whose bytes exist only here: a loaded model keeps them. */
  public SourceFile(String path, byte[] content) {
    this(path, content, Optional.empty());
  }
}
