package dev.zdp.model.load;

import java.util.List;

/** Where model files come from: a directory on disk, or a commit of a git repository. */
public interface ModelSource {

  /** The model files, sorted by path. */
  List<SourceFile> files() throws ModelSourceException;

  /** For messages: the directory, or {@code repo@commit:subdir}. */
  String describe();
}
