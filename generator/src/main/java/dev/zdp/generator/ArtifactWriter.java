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
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

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

  public static Result write(Path outDir, SortedMap<String, byte[]> artifacts) throws IOException {
    Path root = outDir.toAbsolutePath().normalize();
    Files.createDirectories(root);
    for (String path : artifacts.keySet()) {
      resolve(root, path);
      if (path.equals(MANIFEST)) {
        throw new IllegalArgumentException("an artifact cannot be named " + MANIFEST);
      }
    }
    List<String> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (Map.Entry<String, byte[]> artifact : artifacts.entrySet()) {
      Path target = resolve(root, artifact.getKey());
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
          && Arrays.equals(Files.readAllBytes(target), artifact.getValue())) {
        unchanged.add(artifact.getKey());
        continue;
      }
      writeAtomically(target, artifact.getValue());
      written.add(artifact.getKey());
    }
    for (String old : readManifest(root)) {
      if (artifacts.containsKey(old)) {
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
    artifacts.keySet().forEach(p -> manifest.append(p).append('\n'));
    byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
    Path manifestFile = root.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)
        || !Arrays.equals(Files.readAllBytes(manifestFile), manifestBytes)) {
      writeAtomically(manifestFile, manifestBytes);
    }
    return new Result(written, unchanged, removed);
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
