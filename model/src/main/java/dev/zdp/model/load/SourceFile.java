package dev.zdp.model.load;

import java.util.Objects;

/** One model file's bytes and its path relative to the model root, with {@code /} separators. */
public record SourceFile(String path, byte[] content) {
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }
}
