package dev.zdp.model.load;

import java.util.List;

/**
 * Reads model files into a {@link dev.zdp.model.Model}, keeping the file, line and column of every
 * node. Every mistake in the files becomes a {@link LoadProblem}; only a source that cannot be read
 * at all throws.
 */
public final class ModelLoader {

  private ModelLoader() {}

  /** Reads every model file of {@code source}. */
  public static LoadResult load(ModelSource source) throws ModelSourceException {
    return load(source.files());
  }

  /** Reads the given files (paths relative to the model root), in path order. */
  public static LoadResult load(List<SourceFile> files) {
    throw new UnsupportedOperationException("being written");
  }
}
