package dev.zdp.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes rendered artifacts into an output directory and keeps it in step with the model: files
 * whose bytes did not change are left untouched (their timestamps too), files it wrote before and
 * no longer generates are removed, and nothing else is touched. What it owns is listed in {@value
 * #MANIFEST} at the top of the output directory; files not in it (a README, a tfvars, {@code
 * .terraform/}) are never removed.
 */
public final class ArtifactWriter {

  /** The list of files the writer owns, one relative path a line. */
  public static final String MANIFEST = ".zdp-manifest";

  private static final String HEADER =
      "# Files written by zdp generate. zdp removes the ones it no longer generates;"
          + " do not edit.";

  private ArtifactWriter() {}

  /** What one write did, each list sorted. */
  public record Result(List<String> written, List<String> unchanged, List<String> removed) {
    public Result {
      written = List.copyOf(written);
      unchanged = List.copyOf(unchanged);
      removed = List.copyOf(removed);
    }
  }

  /** Writes a set of artifacts rendered beforehand; see {@link #stage} for one that streams. */
  public static Result write(Path outDir, SortedMap<String, byte[]> artifacts) throws IOException {
    Path root = outDir.toAbsolutePath().normalize();
    for (String path : artifacts.keySet()) {
      check(root, path);
    }
    try (Staging staging = stage(outDir)) {
      for (Map.Entry<String, byte[]> artifact : artifacts.entrySet()) {
        staging.accept(artifact.getKey(), artifact.getValue());
      }
      return staging.commit(new TreeSet<>(artifacts.keySet()));
    }
  }

  /**
   * Starts a write that takes artifacts one at a time as they are rendered, from any thread: each
   * is compared with the file already there and, when it differs, written to a temporary file
   * beside it. Nothing is replaced or removed until {@link Staging#commit}; closing a staging that
   * was not committed deletes its temporary files.
   */
  public static Staging stage(Path outDir) throws IOException {
    Path root = outDir.toAbsolutePath().normalize();
    return new Staging(root, Files.exists(root, LinkOption.NOFOLLOW_LINKS));
  }

  /** A write in progress; see {@link #stage}. */
  public static final class Staging implements ArtifactSink, AutoCloseable {
    private final Path root;
    private final boolean rootExisted;
    private final Map<String, Path> staged = new ConcurrentHashMap<>();
    private final Set<String> unchanged = ConcurrentHashMap.newKeySet();
    private final Set<Path> directories = ConcurrentHashMap.newKeySet();
    private boolean committed;

    private Staging(Path root, boolean rootExisted) {
      this.root = root;
      this.rootExisted = rootExisted;
    }

    @Override
    public void accept(String path, byte[] content) throws IOException {
      Path target = check(root, path);
      if (staged.containsKey(path) || unchanged.contains(path)) {
        throw new IllegalArgumentException("artifact '" + path + "' was written twice");
      }
      if (sameBytes(target, content)) {
        unchanged.add(path);
        return;
      }
      Path dir = target.getParent();
      if (!directories.contains(dir)) {
        Files.createDirectories(dir);
        directories.add(dir);
      }
      Path temp = Files.createTempFile(dir, ".zdp-", ".tmp");
      staged.put(path, temp);
      Files.write(temp, content);
    }

    /**
     * Moves the staged files into place, removes the files of the last write that are not among
     * {@code artifacts} and records {@code artifacts} as what the directory now holds.
     *
     * @param artifacts every artifact of this write, each of which was accepted
     */
    public Result commit(SortedSet<String> artifacts) throws IOException {
      for (String path : artifacts) {
        if (!staged.containsKey(path) && !unchanged.contains(path)) {
          throw new IllegalStateException("artifact '" + path + "' was never written");
        }
      }
      committed = true;
      Files.createDirectories(root);
      List<String> written = new ArrayList<>(new TreeSet<>(staged.keySet()));
      for (String path : written) {
        Files.move(
            staged.get(path),
            root.resolve(path).normalize(),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      List<String> removed = new ArrayList<>();
      for (String old : readManifest(root)) {
        if (artifacts.contains(old)) {
          continue;
        }
        Path stale = resolve(root, old);
        if (Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(stale);
          removed.add(old);
          removeEmptyParents(root, stale.getParent());
        }
      }
      StringBuilder manifest = new StringBuilder(HEADER).append('\n');
      artifacts.forEach(p -> manifest.append(p).append('\n'));
      byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
      Path manifestFile = root.resolve(MANIFEST);
      if (!sameBytes(manifestFile, manifestBytes)) {
        writeAtomically(manifestFile, manifestBytes);
      }
      return new Result(written, new ArrayList<>(new TreeSet<>(unchanged)), removed);
    }

    /** Deletes the temporary files of a write that was not committed. */
    @Override
    public void close() throws IOException {
      if (committed) {
        return;
      }
      for (Path temp : staged.values()) {
        Files.deleteIfExists(temp);
        removeEmptyParents(root, temp.getParent());
      }
      staged.clear();
      if (!rootExisted && Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
        try (var entries = Files.list(root)) {
          if (entries.findAny().isEmpty()) {
            Files.delete(root);
          }
        }
      }
    }
  }

  /** True when {@code file} is a regular file holding exactly {@code content}. */
  private static boolean sameBytes(Path file, byte[] content) throws IOException {
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        && Files.size(file) == content.length
        && Arrays.equals(Files.readAllBytes(file), content);
  }

  /** The path an artifact is written to; fails for one that is not allowed. */
  private static Path check(Path root, String path) {
    Path target = resolve(root, path);
    if (path.equals(MANIFEST)) {
      throw new IllegalArgumentException("an artifact cannot be named " + MANIFEST);
    }
    return target;
  }

  /** The paths the last write recorded, sorted; empty when the directory has no manifest. */
  public static SortedSet<String> readManifest(Path outDir) throws IOException {
    Path file = outDir.resolve(MANIFEST);
    SortedSet<String> paths = new TreeSet<>();
    if (!Files.isRegularFile(file)) {
      return paths;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String path = line.strip();
      if (!path.isEmpty() && !path.startsWith("#") && safe(path)) {
        paths.add(path);
      }
    }
    return paths;
  }

  private static Path resolve(Path root, String relative) {
    if (!safe(relative)) {
      throw new IllegalArgumentException(
          "artifact path '" + relative + "' must be relative and stay inside the output directory");
    }
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new IllegalArgumentException(
          "artifact path '" + relative + "' must stay inside the output directory");
    }
    return target;
  }

  private static boolean safe(String relative) {
    return !relative.isEmpty()
        && !relative.startsWith("/")
        && !relative.contains("\\")
        && !relative.contains(":")
        && Arrays.stream(relative.split("/"))
            .noneMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."));
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".zdp-", ".tmp");
    try {
      Files.write(temp, content);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void removeEmptyParents(Path root, Path dir) throws IOException {
    Path current = dir;
    while (current != null && current.startsWith(root) && !current.equals(root)) {
      try (var entries = Files.list(current)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(current);
      current = current.getParent();
    }
  }
}
