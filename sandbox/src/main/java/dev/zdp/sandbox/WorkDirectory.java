package dev.zdp.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** What a stopped sandbox leaves on disk: its work directory, until the next start wipes it. */
final class WorkDirectory {
  private WorkDirectory() {}

  /** The directory and its size, and that the next start wipes it, for the console. */
  static String size(Path workDir) {
    long bytes;
    try (Stream<Path> files = Files.walk(workDir)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(WorkDirectory::bytes).sum();
    } catch (IOException | UncheckedIOException e) {
      return "work directory " + workDir + ": size unknown (" + e.getMessage() + ")";
    }
    return String.format(
        Locale.ROOT,
        "work directory %s: %.1f MB of data and logs (the next start wipes it, or delete it)",
        workDir,
        bytes / 1e6);
  }

  private static long bytes(Path file) {
    try {
      return Files.size(file);
    } catch (IOException gone) {
      return 0; // removed while counting (a log rolled over)
    }
  }
}
