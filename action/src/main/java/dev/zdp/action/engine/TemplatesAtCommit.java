package dev.zdp.action.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The model's {@code templates/} directory as committed at a git ref, copied into a temporary
 * directory for the template engine (which reads files) and deleted on {@link #close}. The model
 * itself has been read at the same ref before, so the repository and the ref are known to exist.
 */
public final class TemplatesAtCommit implements AutoCloseable {

  private final Path copy;
  private final UserTemplates templates;

  private TemplatesAtCommit(Path copy, UserTemplates templates) {
    this.copy = copy;
    this.templates = templates;
  }

  public UserTemplates templates() {
    return templates;
  }

  /** Copies {@code <model>/templates/} at {@code ref}; empty templates when there is none. */
  public static TemplatesAtCommit read(Path model, String ref) {
    Path absolute = model.toAbsolutePath().normalize();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(absolute.toFile());
    String shownAs = model.resolve(UserTemplates.DIRECTORY) + " at " + ref;
    Path copy = null;
    try (Repository repository = builder.setMustExist(true).build()) {
      copy = Files.createTempDirectory("zdp-templates-");
      String directory = prefix(repository, absolute) + UserTemplates.DIRECTORY;
      ObjectId commit = repository.resolve(ref + "^{commit}");
      boolean any = false;
      try (RevWalk walk = new RevWalk(repository);
          ObjectReader reader = repository.newObjectReader();
          TreeWalk tree = TreeWalk.forPath(reader, directory, walk.parseCommit(commit).getTree())) {
        if (tree != null && tree.isSubtree()) {
          tree.enterSubtree();
          tree.setRecursive(true);
          while (tree.next()) {
            FileMode mode = tree.getFileMode(0);
            if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
              continue;
            }
            String relative = tree.getPathString().substring(directory.length() + 1);
            Path target = copy.resolve(relative).normalize();
            if (!target.startsWith(copy)) {
              continue;
            }
            Files.createDirectories(target.getParent());
            Files.write(target, reader.open(tree.getObjectId(0)).getBytes());
            any = true;
          }
        }
      }
      return new TemplatesAtCommit(
          copy, new UserTemplates(any ? Optional.of(copy) : Optional.empty(), shownAs));
    } catch (IOException | RuntimeException e) {
      delete(copy);
      throw new CannotRun("cannot read the templates in " + shownAs + ": " + e.getMessage(), e);
    }
  }

  /** The model directory's path in the repository, with a trailing {@code /} unless empty. */
  private static String prefix(Repository repository, Path model) throws IOException {
    File workTree = repository.isBare() ? null : repository.getWorkTree();
    if (workTree == null) {
      return "";
    }
    Path top = workTree.toPath().toRealPath();
    String relative = top.relativize(model.toRealPath()).toString().replace('\\', '/');
    return relative.isEmpty() ? "" : relative + "/";
  }

  @Override
  public void close() {
    delete(copy);
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
