package dev.zdp.bench;

import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.model.load.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The floors bench/run measures zdp against, each what the least a program must do for the same
 * result costs on this machine:
 *
 * <ul>
 *   <li>{@code read MODEL}: the model's files as zdp lists and reads them, passed through
 *       SnakeYAML's event parser (no node, no binding, no check): the floor of reading a model;
 *   <li>{@code write FROM TO}: the files of a {@code generate} output ({@code FROM}, read into
 *       memory first, not timed) written to {@code TO} as zdp's writer writes them: each into a
 *       temporary file beside its place, then all renamed into place. The floor of writing.
 * </ul>
 *
 * <p>Each prints one line, {@code <wall s> <CPU s> <files> <bytes>}, of the timed part alone.
 */
@Command(
    name = "zdp-bench-floors",
    mixinStandardHelpOptions = true,
    description = "Time the floors of reading a model and writing generated files.")
public final class Floors implements Callable<Integer> {

  @Parameters(index = "0", description = "read or write")
  String what;

  @Parameters(index = "1..*", description = "read: MODEL; write: FROM TO")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() throws IOException, ModelSourceException {
    long wall = System.nanoTime();
    long cpu = processCpuNanos();
    long[] filesAndBytes;
    if (what.equals("read") && paths.size() == 1) {
      filesAndBytes = read(paths.get(0));
    } else if (what.equals("write") && paths.size() == 2) {
      Map<Path, byte[]> files = load(paths.get(0));
      wall = System.nanoTime();
      cpu = processCpuNanos();
      filesAndBytes = write(files, paths.get(1));
    } else {
      System.err.println("usage: floors read MODEL | floors write FROM TO");
      return 2;
    }
    System.out.printf(
        "%.3f %.3f %d %d%n",
        (System.nanoTime() - wall) / 1e9,
        (processCpuNanos() - cpu) / 1e9,
        filesAndBytes[0],
        filesAndBytes[1]);
    return 0;
  }

  /** Lists and reads the model's files as zdp does and passes each through SnakeYAML's events. */
  static long[] read(Path model) throws IOException, ModelSourceException {
    List<SourceFile> files = new DirectorySource(model).files();
    long bytes = 0;
    long events = 0;
    Yaml yaml = new Yaml();
    for (SourceFile file : files) {
      bytes += file.content().length;
      try (Reader in =
          new InputStreamReader(new ByteArrayInputStream(file.content()), StandardCharsets.UTF_8)) {
        for (Event ignored : yaml.parse(in)) {
          events++;
        }
      }
    }
    if (events == 0 && !files.isEmpty()) {
      throw new IllegalStateException("no YAML event in " + model);
    }
    return new long[] {files.size(), bytes};
  }

  /** Every regular file below {@code root}, by its path relative to it, in path order. */
  static Map<Path, byte[]> load(Path root) throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file), Files.readAllBytes(file));
      }
    }
    return files;
  }

  /**
   * Writes the files below {@code to} the way zdp's {@code ArtifactWriter} does on one thread: the
   * directories made once each, every file written through one open to a new temporary file in its
   * directory, then every temporary file renamed into place (an atomic move).
   */
  static long[] write(Map<Path, byte[]> files, Path to) throws IOException {
    Set<Path> directories = new HashSet<>();
    Map<Path, Path> staged = new TreeMap<>();
    long bytes = 0;
    for (Map.Entry<Path, byte[]> file : files.entrySet()) {
      Path target = to.resolve(file.getKey());
      Path dir = target.getParent();
      if (directories.add(dir)) {
        Files.createDirectories(dir);
      }
      Path temp =
          dir.resolve(
              ".zdp-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try (OutputStream out =
          Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(file.getValue());
      }
      staged.put(target, temp);
      bytes += file.getValue().length;
    }
    for (Map.Entry<Path, Path> move : staged.entrySet()) {
      Files.move(
          move.getValue(),
          move.getKey(),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    return new long[] {files.size(), bytes};
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Floors()).execute(args));
  }
}
