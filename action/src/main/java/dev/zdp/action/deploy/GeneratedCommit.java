package dev.zdp.action.deploy;

import dev.zdp.generator.ArtifactWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A commit that puts the generated files on top of a parent commit and changes nothing else: the
 * parent's tree, minus the files zdp generated there (its manifest lists them), plus the files zdp
 * generated now. Built straight in the object database, so the same files can be laid on any parent
 * (the pushed commit, or the remote's new head after a rejected push) without a checkout or a
 * merge.
 */
final class GeneratedCommit {

  private final String outputPath;
  private final SortedMap<String, byte[]> generated;

  /**
   * @param outputPath the output directory's path in the repository, without trailing {@code /}
   * @param generated the generated files by path below the output directory, manifest included
   */
  GeneratedCommit(String outputPath, SortedMap<String, byte[]> generated) {
    this.outputPath = outputPath;
    this.generated = new TreeMap<>(generated);
  }

  /**
   * The files of the output directory that the manifest lists, and the manifest, as written in the
   * work tree.
   */
  static SortedMap<String, byte[]> read(Path outputDir) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (String path : ArtifactWriter.readManifest(outputDir)) {
      Path file = outputDir.resolve(path);
      if (Files.isRegularFile(file)) {
        files.put(path, Files.readAllBytes(file));
      }
    }
    Path manifest = outputDir.resolve(ArtifactWriter.MANIFEST);
    if (Files.isRegularFile(manifest)) {
      files.put(ArtifactWriter.MANIFEST, Files.readAllBytes(manifest));
    }
    return files;
  }

  /**
   * Writes the commit on top of {@code parent}.
   *
   * @return the new commit, or empty when the parent already holds exactly these files
   */
  java.util.Optional<ObjectId> onto(
      Repository repository, ObjectId parent, PersonIdent author, String message)
      throws IOException {
    try (RevWalk walk = new RevWalk(repository);
        ObjectInserter inserter = repository.newObjectInserter();
        ObjectReader reader = repository.newObjectReader()) {
      RevCommit parentCommit = walk.parseCommit(parent);
      Set<String> replaced = new TreeSet<>();
      generated.keySet().forEach(p -> replaced.add(inRepository(p)));
      previouslyGenerated(reader, parentCommit).forEach(p -> replaced.add(inRepository(p)));

      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      try (TreeWalk tree = new TreeWalk(reader)) {
        tree.addTree(parentCommit.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          if (replaced.contains(tree.getPathString())) {
            continue;
          }
          DirCacheEntry entry = new DirCacheEntry(tree.getPathString());
          entry.setFileMode(tree.getFileMode(0));
          entry.setObjectId(tree.getObjectId(0));
          builder.add(entry);
        }
      }
      for (Map.Entry<String, byte[]> file : generated.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(inRepository(file.getKey()));
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
        builder.add(entry);
      }
      builder.finish();
      ObjectId tree = index.writeTree(inserter);
      if (tree.equals(parentCommit.getTree())) {
        return java.util.Optional.empty();
      }
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(tree);
      commit.setParentId(parentCommit);
      commit.setAuthor(author);
      commit.setCommitter(author);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return java.util.Optional.of(id);
    }
  }

  /** What the parent's manifest says zdp generated there, and the manifest itself. */
  private Set<String> previouslyGenerated(ObjectReader reader, RevCommit parent)
      throws IOException {
    Set<String> paths = new TreeSet<>();
    String manifest = inRepository(ArtifactWriter.MANIFEST);
    try (TreeWalk file = TreeWalk.forPath(reader, manifest, parent.getTree())) {
      if (file == null) {
        return paths;
      }
      paths.add(ArtifactWriter.MANIFEST);
      String text = new String(reader.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      paths.addAll(ArtifactWriter.manifestPaths(text));
    }
    return paths;
  }

  private String inRepository(String generatedPath) {
    return outputPath.isEmpty() ? generatedPath : outputPath + "/" + generatedPath;
  }
}
