package dev.zdp.action.engine;

import dev.zdp.generator.ArtifactSink;
import dev.zdp.generator.Generator;
import dev.zdp.model.Model;
import dev.zdp.model.load.BoundFiles;
import dev.zdp.model.load.GitCommitSource;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.model.load.ModelSourceException;
import dev.zdp.model.load.SourceFile;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.BiPredicate;

/**
 * The model as committed at one commit, read straight from git: the action judges commits, not
 * whatever a previous step left in the work tree.
 *
 * @param filesRead how many model files the commit holds
 * @param modelWideFile where findings about the model as a whole are placed (the first file read)
 */
public record ModelAtCommit(
    Path directory, String sha, LoadResult loaded, int filesRead, String modelWideFile) {

  public static ModelAtCommit read(Path directory, String sha) throws ModelSourceException {
    return of(directory, sha, new GitCommitSource(directory, sha).files(), null);
  }

  /**
   * A pull request's two sides, read from git. A file both commits hold as the same blob is read
   * and bound once, and the head takes what binding gave for every base file whose bytes it did not
   * change (under whatever path).
   */
  public record Change(ModelAtCommit base, ModelAtCommit head) {

    public static Change read(Path directory, String baseSha, String headSha)
        throws ModelSourceException {
      GitCommitSource.Commits files = GitCommitSource.Commits.read(directory, baseSha, headSha);
      BoundFiles shared = new BoundFiles(); // what binding gave: dropped once both are bound
      return new Change(
          of(directory, baseSha, files.base(), shared),
          of(directory, headSha, files.head(), shared));
    }
  }

  private static ModelAtCommit of(
      Path directory, String sha, List<SourceFile> files, BoundFiles shared) {
    return new ModelAtCommit(
        directory,
        sha,
        shared == null ? ModelLoader.load(files) : ModelLoader.load(files, shared),
        files.size(),
        files.isEmpty() ? "." : files.get(0).path());
  }

  public Model model() {
    return loaded.model();
  }

  /**
   * Renders this model with the templates committed at {@code templatesSha} (the live templates:
   * templates from a proposed change are never run).
   *
   * @throws RuntimeException when the model or a template cannot be rendered
   */
  public SortedMap<String, byte[]> render(Optional<Integer> shardSize, String templatesSha) {
    return render(shardSize, templatesSha, (module, store) -> true);
  }

  /**
   * Renders like {@link #render(Optional, String)}, leaving out the own files of the datastores
   * {@code rendered} refuses (see {@link Generator#differences}).
   */
  public SortedMap<String, byte[]> render(
      Optional<Integer> shardSize,
      String templatesSha,
      BiPredicate<String, IngestedDatastore> rendered) {
    try (TemplatesAtCommit templates = TemplatesAtCommit.read(directory, templatesSha)) {
      return new Generator(shardSize).render(model(), templates.templates().directory(), rendered);
    }
  }

  /**
   * Renders this model as {@link #render(Optional, String)} does into {@code sink}, which may keep
   * some artifacts up to date without their being rendered (an {@link
   * dev.zdp.generator.ArtifactSink.Incremental}).
   *
   * @return the paths of every artifact, sorted
   */
  public SortedSet<String> render(
      Optional<Integer> shardSize, String templatesSha, ArtifactSink sink) throws IOException {
    try (TemplatesAtCommit templates = TemplatesAtCommit.read(directory, templatesSha)) {
      return new Generator(shardSize).render(model(), templates.templates().directory(), sink);
    }
  }

  /** The intention graph, or an empty one when the model is too broken to draw. */
  public IntentionGraph graph() {
    try {
      return IntentionGraph.of(model());
    } catch (RuntimeException e) {
      return IntentionGraph.of(Model.empty());
    }
  }
}
