package dev.zdp.model.load;

import dev.zdp.model.Datastore;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Model;
import dev.zdp.model.SourceMap;
import dev.zdp.model.Team;
import dev.zdp.model.Workspace;
import dev.zdp.model.Zone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads model files into a {@link Model}, keeping the file, line and column of every node. Every
 * mistake in the files becomes a {@link LoadProblem}; only a source that cannot be read at all
 * throws. A document with a problem that keeps it from being built is left out of the model; its
 * siblings are kept.
 */
public final class ModelLoader {

  private ModelLoader() {}

  /** Reads every model file of {@code source}. */
  public static LoadResult load(ModelSource source) throws ModelSourceException {
    return load(source.files());
  }

  /** Reads the given files (paths relative to the model root), in path order. */
  public static LoadResult load(List<SourceFile> files) {
    List<SourceFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(SourceFile::path));
    Binding binding = new Binding();
    YamlReader reader = new YamlReader();
    List<Ecosystem> ecosystems = new ArrayList<>();
    List<Zone> zones = new ArrayList<>();
    List<Team> teams = new ArrayList<>();
    List<Datastore> datastores = new ArrayList<>();
    List<Workspace> workspaces = new ArrayList<>();
    for (SourceFile file : sorted) {
      for (YamlReader.Document document : reader.read(file, binding.problems())) {
        Optional<DocumentBinder.Header> header =
            DocumentBinder.header(file.path(), document, binding);
        if (header.isEmpty()) {
          continue;
        }
        DocumentBinder.Header h = header.get();
        switch (h.kind()) {
          case ECOSYSTEM -> EcosystemBinder.bind(h, binding).ifPresent(ecosystems::add);
          case ZONE -> ZoneBinder.bind(h, binding).ifPresent(zones::add);
          case TEAM -> TeamBinder.bind(h, binding).ifPresent(teams::add);
          case DATASTORE -> DatastoreBinder.bind(h, binding).ifPresent(datastores::add);
          case WORKSPACE -> WorkspaceBinder.bind(h, binding).ifPresent(workspaces::add);
        }
      }
    }
    Model model =
        new Model(
            ecosystems.stream().findFirst(),
            zones,
            teams,
            datastores,
            workspaces,
            new SourceMap(binding.sources()),
            binding.definitions());
    List<LoadProblem> problems = new ArrayList<>(binding.problems());
    problems.sort(Comparator.comparing(LoadProblem::location).thenComparing(p -> p.code().id()));
    return new LoadResult(model, problems);
  }
}
