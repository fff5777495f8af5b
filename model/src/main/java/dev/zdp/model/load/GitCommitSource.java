package dev.zdp.model.load;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The model files of one commit, read with JGit straight from the object database: no checkout, no
 * working tree needed. Files are named by their path in the repository, the way GitHub and GitLab
 * name them in annotations.
 */
public final class GitCommitSource implements ModelSource {

  private final Path modelDirectory;
  private final String ref;

  /**
   * @param modelDirectory the model directory inside a git work tree (or the work tree itself)
   * @param ref anything {@code git rev-parse} accepts: a branch, a tag, {@code origin/main}, a sha
   */
  public GitCommitSource(Path modelDirectory, String ref) {
    this.modelDirectory = modelDirectory;
    this.ref = ref;
  }

  /**
   * The model files of two commits of one repository. A file both commits hold as the same blob at
   * the same path is read once and is the same {@link SourceFile} on both sides, so a load sharing
   * {@link BoundFiles} takes it by its blob id, without hashing its bytes: a pull request's two
   * sides differ in a few files, and the rest costs nothing twice.
   */
  public record Commits(List<SourceFile> base, List<SourceFile> head) {

    /** Reads {@code base} and {@code head} (anything {@code git rev-parse} accepts). */
    public static Commits read(Path modelDirectory, String base, String head)
        throws ModelSourceException {
      Map<String, Blob> headBlobs = new HashMap<>();
      List<SourceFile> headFiles =
          new GitCommitSource(modelDirectory, head).files(Map.of(), headBlobs);
      List<SourceFile> baseFiles =
          new GitCommitSource(modelDirectory, base).files(headBlobs, new HashMap<>());
      return new Commits(baseFiles, headFiles);
    }
  }

  /** A file read from a blob, by its path. */
  private record Blob(ObjectId id, SourceFile file) {}

  @Override
  public List<SourceFile> files() throws ModelSourceException {
    return files(Map.of(), new HashMap<>());
  }

  /**
   * The commit's model files, taking from {@code earlier} the file read before for the same blob at
   * the same path, and leaving every file read in {@code read}.
   */
  private List<SourceFile> files(Map<String, Blob> earlier, Map<String, Blob> read)
      throws ModelSourceException {
    Path absolute = modelDirectory.toAbsolutePath().normalize();
    try (Repository repository = open(absolute)) {
      String prefix = prefixOf(repository, absolute);
      ObjectId commitId = resolve(repository);
      try {
        return read(repository, commitId, prefix, earlier, read);
      } catch (org.eclipse.jgit.errors.MissingObjectException
          | org.eclipse.jgit.errors.CorruptObjectException
          | org.eclipse.jgit.errors.PackInvalidException
          | org.eclipse.jgit.errors.PackMismatchException e) {
        throw damaged(repository);
      }
    } catch (IOException e) {
      throw new ModelSourceException(
          "cannot read git repository of '" + modelDirectory + "': " + e.getMessage(), e);
    }
  }

  /**
   * What identifies the model files {@link #files()} reads, by git ids alone: the model directory's
   * path in the repository and the id of its tree at the commit. Two commits with the same content
   * id hold the same model files (same paths, same bytes), so what is computed from those files
   * alone can be kept under it and never goes stale; the id also changes when a file that is not a
   * model file changes, which costs a recomputation and nothing else.
   */
  public String contentId() throws ModelSourceException {
    Path absolute = modelDirectory.toAbsolutePath().normalize();
    try (Repository repository = open(absolute)) {
      String prefix = prefixOf(repository, absolute);
      ObjectId commitId = resolve(repository);
      try (RevWalk walk = new RevWalk(repository)) {
        RevCommit commit = walk.parseCommit(commitId);
        ObjectId tree = commit.getTree().getId();
        if (!prefix.isEmpty()) {
          try (TreeWalk entry = TreeWalk.forPath(repository, prefix, commit.getTree())) {
            tree = entry == null ? ObjectId.zeroId() : entry.getObjectId(0);
          }
        }
        return prefix + ":" + tree.name();
      } catch (MissingObjectException e) {
        throw missing(repository);
      }
    } catch (IOException e) {
      throw new ModelSourceException(
          "cannot read git repository of '" + modelDirectory + "': " + e.getMessage(), e);
    }
  }

  /** The repository {@code absolute} (the model directory) is in. */
  private Repository open(Path absolute) throws ModelSourceException, IOException {
    if (!Files.isDirectory(absolute)) {
      throw new ModelSourceException(
          "model directory '"
              + modelDirectory
              + "' does not exist; pass --model with a directory"
              + " inside a git repository");
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(absolute.toFile());
    if (builder.getGitDir() == null) {
      throw new ModelSourceException(
          "'" + modelDirectory + "' is not inside a git repository; --base and --head need one");
    }
    return builder.setMustExist(true).build();
  }

  private static String prefixOf(Repository repository, Path modelDirectory)
      throws ModelSourceException {
    File workTree = repository.isBare() ? null : repository.getWorkTree();
    if (workTree == null) {
      return "";
    }
    Path top = workTree.toPath().toAbsolutePath().normalize();
    try {
      top = top.toRealPath();
      modelDirectory = modelDirectory.toRealPath();
    } catch (IOException e) {
      throw new ModelSourceException("cannot resolve '" + modelDirectory + "': " + e.getMessage());
    }
    return top.relativize(modelDirectory).toString().replace('\\', '/');
  }

  private ObjectId resolve(Repository repository) throws IOException, ModelSourceException {
    ObjectId id;
    try {
      id = repository.resolve(ref + "^{commit}");
    } catch (MissingObjectException e) {
      throw missing(repository);
    } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
      throw new ModelSourceException("'" + ref + "' is not a valid git revision");
    }
    if (id == null) {
      if (isShallow(repository)) {
        throw missing(repository);
      }
      throw new ModelSourceException(
          "unknown git ref '"
              + ref
              + "' in "
              + repository.getDirectory()
              + "; name a branch, tag or commit that exists (git fetch it first if it is remote)");
    }
    return id;
  }

  private ModelSourceException missing(Repository repository) {
    if (!isShallow(repository) && !ref.matches("[0-9a-fA-F]{40}")) {
      return damaged(repository);
    }
    return new ModelSourceException(
        "git ref '"
            + ref
            + "' is not in this clone of "
            + repository.getDirectory()
            + (isShallow(repository) ? ", which is shallow" : "")
            + "; fetch it (git fetch origin "
            + ref
            + ", or check out with fetch-depth: 0)");
  }

  /**
   * A named ref whose objects are missing from a full clone, or an object that cannot be read: the
   * repository is damaged, and fetching would not help.
   */
  private ModelSourceException damaged(Repository repository) {
    return new ModelSourceException(
        "the git repository "
            + repository.getDirectory()
            + " is damaged: an object of '"
            + ref
            + "' is missing or unreadable (a corrupt or missing pack or object file); run 'git"
            + " fsck' to see what is wrong, and clone the repository again");
  }

  private static boolean isShallow(Repository repository) {
    return new File(repository.getDirectory(), "shallow").isFile();
  }

  private List<SourceFile> read(
      Repository repository,
      ObjectId commitId,
      String prefix,
      Map<String, Blob> earlier,
      Map<String, Blob> read)
      throws IOException, ModelSourceException {
    List<SourceFile> files = new ArrayList<>();
    File modelDir = modelDirectory.toAbsolutePath().normalize().toFile();
    try (RevWalk walk = new RevWalk(repository);
        ObjectReader reader = repository.newObjectReader();
        TreeWalk tree = new TreeWalk(repository, reader)) {
      RevCommit commit;
      try {
        commit = walk.parseCommit(commitId);
      } catch (MissingObjectException e) {
        throw missing(repository);
      }
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      if (!prefix.isEmpty()) {
        tree.setFilter(PathFilter.create(prefix));
      }
      while (tree.next()) {
        if (tree.getFileMode(0) != FileMode.REGULAR_FILE
            && tree.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
          continue;
        }
        String path = tree.getPathString();
        String relative = prefix.isEmpty() ? path : path.substring(prefix.length() + 1);
        if (!ModelFiles.isModelFile(relative)) {
          continue;
        }
        ObjectId blob = tree.getObjectId(0);
        Blob same = earlier.get(path);
        SourceFile file =
            same != null && same.id().equals(blob)
                ? same.file()
                : new SourceFile(
                    path,
                    reader.open(blob).getBytes(),
                    Optional.of(() -> reread(modelDir, blob)),
                    Optional.of(blob));
        read.put(path, new Blob(blob, file));
        files.add(file);
      }
    }
    return files;
  }

  /** A blob's bytes, read again from the repository it was read from. */
  private static byte[] reread(File modelDir, ObjectId blob) throws IOException {
    try (Repository repository =
        new FileRepositoryBuilder().findGitDir(modelDir).setMustExist(true).build()) {
      return repository.open(blob).getBytes();
    }
  }

  @Override
  public String describe() {
    return modelDirectory + "@" + ref;
  }
}
