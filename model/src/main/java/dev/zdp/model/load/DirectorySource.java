package dev.zdp.model.load;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The model files below a directory. Files are named as the directory was given plus their path
 * below it ({@code examples/acme/ecosystem.yaml}), the way compilers name files, so findings can be
 * clicked in a terminal.
 */
public final class DirectorySource implements ModelSource {

  private final Path root;

  public DirectorySource(Path root) {
    this.root = root;
  }

  @Override
  public List<SourceFile> files() throws ModelSourceException {
    if (!Files.exists(root)) {
      throw new ModelSourceException(
          "model directory '"
              + root
              + "' does not exist; pass --model DIR with the directory that"
              + " holds the model's YAML files");
    }
    if (!Files.isDirectory(root)) {
      throw new ModelSourceException(
          "--model '"
              + root
              + "' is a file, not a directory; pass the directory that holds the model's YAML"
              + " files");
    }
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              boolean atRoot = dir.getParent().equals(root);
              return ModelFiles.isSkippedDirectory(dir.getFileName().toString(), atRoot)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              if (!ModelFiles.isModelFile(relative(file))) {
                return FileVisitResult.CONTINUE;
              }
              if (attrs.isRegularFile()) {
                found.add(file);
              } else if (attrs.isSymbolicLink()) {
                found.add(linked(file));
              }
              return FileVisitResult.CONTINUE;
            }
          });
      found.sort(Comparator.comparing(this::relative));
      List<SourceFile> files = new ArrayList<>(found.size());
      for (Path file : found) {
        files.add(
            new SourceFile(
                displayName(file),
                Files.readAllBytes(file),
                Optional.of(() -> Files.readAllBytes(file))));
      }
      return files;
    } catch (LinkProblem e) {
      throw new ModelSourceException(e.getMessage(), e);
    } catch (IOException e) {
      throw new ModelSourceException(
          "cannot read the model directory '" + root + "': " + why(e), e);
    }
  }

  /**
   * A model file that is a symbolic link is read when it leads to a file inside the model
   * directory; one that leads outside it, or nowhere, is an error naming both ends.
   */
  private Path linked(Path link) throws IOException {
    Path target;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      throw new LinkProblem(
          "model file '"
              + displayName(link)
              + "' is a symbolic link to '"
              + Files.readSymbolicLink(link)
              + "', which does not exist; remove the link or restore its target");
    }
    if (!target.startsWith(root.toRealPath()) || !Files.isRegularFile(target)) {
      throw new LinkProblem(
          "model file '"
              + displayName(link)
              + "' is a symbolic link to '"
              + target
              + "', outside the model directory; zdp reads only files inside it (copy the"
              + " file in, or link to a file inside the directory)");
    }
    return link;
  }

  /** A model file's link that zdp does not follow, said in one line. */
  private static final class LinkProblem extends IOException {
    LinkProblem(String message) {
      super(message);
    }
  }

  /** Why a file could not be read, in words (the exception's own message is often only a path). */
  static String why(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied reading '" + denied.getFile() + "'";
    }
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      return "'" + missing.getFile() + "' disappeared while it was read";
    }
    if (e instanceof java.nio.file.FileSystemException fs) {
      return (fs.getReason() == null ? "cannot read" : fs.getReason())
          + " ('"
          + fs.getFile()
          + "')";
    }
    return e.getMessage() == null ? "input/output error" : e.getMessage();
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private String displayName(Path file) {
    Path normalized = root.normalize();
    String prefix = normalized.toString().replace('\\', '/');
    if (prefix.isEmpty() || prefix.equals(".")) {
      return relative(file);
    }
    return prefix + "/" + relative(file);
  }

  @Override
  public String describe() {
    return root.toString();
  }
}
