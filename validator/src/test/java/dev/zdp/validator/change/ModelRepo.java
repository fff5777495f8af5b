package dev.zdp.validator.change;

import dev.zdp.model.RepositoryRef;
import dev.zdp.model.load.GitCommitSource;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.validator.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A real git repository holding a model under {@code model/}: each {@link #commit} makes the model
 * exactly the given tree, and {@link #validate} reads two commits back through {@link
 * GitCommitSource}, the way {@code zdp validate --base --head} does.
 */
public final class ModelRepo implements AutoCloseable {

  private final Path root;
  private final Git git;
  private int commits;

  private ModelRepo(Path root, Git git) {
    this.root = root;
    this.git = git;
  }

  public static ModelRepo init(Path dir) throws GitAPIException {
    return new ModelRepo(
        dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
  }

  /** Makes the model exactly {@code tree} and commits it; returns the commit id. */
  public String commit(Tree tree) throws Exception {
    Path model = root.resolve("model");
    if (Files.exists(model)) {
      try (Stream<Path> walk = Files.walk(model)) {
        walk.sorted(Comparator.reverseOrder()).forEach(ModelRepo::delete);
      }
    }
    for (Map.Entry<String, String> file : tree.files().entrySet()) {
      Path path = model.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = new PersonIdent("zdp test", "test@zdp.dev");
    commits++;
    return git.commit()
        .setMessage("change " + commits)
        .setAuthor(who)
        .setCommitter(who)
        .setAllowEmpty(true)
        .call()
        .name();
  }

  /** An empty commit with no model files: the base of a first model. */
  public String commitNothing() throws Exception {
    return commit(new Tree(Map.of()));
  }

  public LoadResult load(String ref) throws Exception {
    return ModelLoader.load(new GitCommitSource(root.resolve("model"), ref));
  }

  /** {@code zdp validate --base base --head head [--change-source source]}. */
  public Report validate(String base, String head, String changeSource, boolean allowBreaking)
      throws Exception {
    Optional<RepositoryRef> source =
        changeSource == null
            ? Optional.empty()
            : Optional.of(RepositoryRef.parse(changeSource).orElseThrow());
    return ChangeValidator.builtIn().validate(load(base), load(head), source, allowBreaking);
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
