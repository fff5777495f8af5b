package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** The bundled example model, copied where a test may change it, and file trees to compare. */
final class Acme {

  static final Path EXAMPLE = Path.of("..", "examples", "acme");

  private Acme() {}

  /** Copies {@code examples/acme} into {@code dir} and returns {@code dir}. */
  static Path copyTo(Path dir) {
    try (Stream<Path> walk = Files.walk(EXAMPLE)) {
      for (Path source : walk.filter(Files::isRegularFile).toList()) {
        Path target = dir.resolve(EXAMPLE.relativize(source).toString());
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Commits every file of the repository at {@code repo} (made on first use, branch {@code main});
   * returns the commit's sha.
   */
  static String commitAll(Path repo, String message) throws GitAPIException {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      return git.commit()
          .setMessage(message)
          .setSign(false)
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .call()
          .getName();
    }
  }

  /** Replaces the one occurrence of {@code from} in {@code file}; fails if it is not there once. */
  static void edit(Path file, String from, String to) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(text.split(java.util.regex.Pattern.quote(from), -1))
          .as("'%s' once in %s", from, file)
          .hasSize(2);
      Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file below {@code root} by relative path, with its bytes. */
  static SortedMap<String, byte[]> tree(Path root) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when both trees hold the same paths with the same bytes. */
  static boolean sameBytes(SortedMap<String, byte[]> a, SortedMap<String, byte[]> b) {
    return a.keySet().equals(b.keySet())
        && a.keySet().stream().allMatch(p -> Arrays.equals(a.get(p), b.get(p)));
  }
}
