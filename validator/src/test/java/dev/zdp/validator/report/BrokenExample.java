package dev.zdp.validator.report;

import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.model.load.SourceFile;
import dev.zdp.validator.Report;
import dev.zdp.validator.change.ChangeValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The report of {@code examples/broken}, as {@code zdp validate} builds it. */
final class BrokenExample {

  private BrokenExample() {}

  static List<SourceFile> files() throws ModelSourceException {
    return new DirectorySource(directory()).files();
  }

  static Report report() throws ModelSourceException {
    return ChangeValidator.builtIn().validate(ModelLoader.load(files()));
  }

  static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples/broken"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no examples/broken above " + Path.of("").toAbsolutePath());
    }
    return Path.of("").toAbsolutePath().relativize(dir.resolve("examples/broken"));
  }
}
