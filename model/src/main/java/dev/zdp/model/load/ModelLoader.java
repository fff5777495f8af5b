package dev.zdp.model.load;

import dev.zdp.model.Datastore;
import dev.zdp.model.Definitions;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceMap;
import dev.zdp.model.Team;
import dev.zdp.model.Workspace;
import dev.zdp.model.Zone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Reads model files into a {@link Model} that can tell the file, line and column of every node.
 * Every mistake in the files becomes a {@link LoadProblem}; only a source that cannot be read at
 * all throws. A document with a problem that keeps it from being built is left out of the model;
 * its siblings are kept.
 *
 * <p>Files are read and bound independently, on several threads for a large model, and put together
 * in path order: the model, its problems and their order are those of reading the files one after
 * the other. Locations are not kept for every node (millions at ten thousand datastores): the
 * model's {@link SourceMap} binds a file again when a location inside it is asked for.
 */
public final class ModelLoader {

  /** Below this many files, threads cost more than they save. */
  private static final int PARALLEL_FROM_FILES = 64;

  private ModelLoader() {}

  /** Reads every model file of {@code source}. */
  public static LoadResult load(ModelSource source) throws ModelSourceException {
    return load(source.files());
  }

  /** Reads the given files (paths relative to the model root), in path order. */
  public static LoadResult load(List<SourceFile> files) {
    return load(files, files.size() >= PARALLEL_FROM_FILES, null);
  }

  /**
   * Reads the given files, taking what binding a file gives from {@code earlier} when an earlier
   * load with it bound the same bytes, and leaving what it binds there for a later load: the model
   * and problems are those {@link #load(List)} gives.
   */
  public static LoadResult load(List<SourceFile> files, BoundFiles earlier) {
    return load(files, files.size() >= PARALLEL_FROM_FILES, earlier);
  }

  /** Reads the given files, on the common fork-join pool's threads when {@code parallel}. */
  static LoadResult load(List<SourceFile> files, boolean parallel, BoundFiles earlier) {
    List<SourceFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(SourceFile::path));
    YamlReader reader = new YamlReader();
    IntStream indices = IntStream.range(0, sorted.size());
    if (parallel) {
      indices = indices.parallel();
    }
    List<BoundFile> bound =
        indices
            .mapToObj(
                i -> {
                  SourceFile file = sorted.get(i);
                  if (earlier == null) {
                    return bind(file, reader, new Binding(false, reader.interner()));
                  }
                  return earlier.bind(
                      file, f -> bind(f, reader, new Binding(false, reader.interner())));
                })
            .toList();

    List<Ecosystem> ecosystems = new ArrayList<>();
    List<Zone> zones = new ArrayList<>();
    List<Team> teams = new ArrayList<>();
    List<Datastore> datastores = new ArrayList<>();
    List<Workspace> workspaces = new ArrayList<>();
    List<Definitions> definitions = new ArrayList<>(bound.size());
    List<LoadProblem> problems = new ArrayList<>();
    Map<ObjectPath, List<Integer>> filesByRoot = new LinkedHashMap<>();
    for (int i = 0; i < bound.size(); i++) {
      BoundFile file = bound.get(i);
      for (Object object : file.objects()) {
        if (object instanceof Ecosystem ecosystem) {
          ecosystems.add(ecosystem);
        } else if (object instanceof Zone zone) {
          zones.add(zone);
        } else if (object instanceof Team team) {
          teams.add(team);
        } else if (object instanceof Datastore datastore) {
          datastores.add(datastore);
        } else if (object instanceof Workspace workspace) {
          workspaces.add(workspace);
        }
      }
      definitions.add(file.binding().definitions());
      problems.addAll(file.binding().problems());
      for (ObjectPath root : file.binding().roots()) {
        filesByRoot.computeIfAbsent(root, r -> new ArrayList<>(1)).add(i);
      }
    }
    Model model =
        new Model(
            ecosystems.stream().findFirst(),
            zones,
            teams,
            datastores,
            workspaces,
            SourceMap.resolvedBy(new FileLocations(sorted, filesByRoot)::exact),
            Definitions.join(definitions));
    problems.sort(Comparator.comparing(LoadProblem::location).thenComparing(p -> p.code().id()));
    return new LoadResult(model, problems);
  }

  /** The objects bound from one file's documents, in document order, and what binding collected. */
  record BoundFile(Binding binding, List<Object> objects) {}

  /** Reads and binds every document of one file. */
  static BoundFile bind(SourceFile file, YamlReader reader, Binding binding) {
    List<Object> objects = new ArrayList<>();
    for (YamlReader.Document document : reader.read(file, binding.problems())) {
      Optional<DocumentBinder.Header> header =
          DocumentBinder.header(file.path(), document, binding);
      if (header.isEmpty()) {
        continue;
      }
      DocumentBinder.Header h = header.get();
      Optional<?> object =
          switch (h.kind()) {
            case ECOSYSTEM -> EcosystemBinder.bind(h, binding);
            case ZONE -> ZoneBinder.bind(h, binding);
            case TEAM -> TeamBinder.bind(h, binding);
            case DATASTORE -> DatastoreBinder.bind(h, binding);
            case WORKSPACE -> WorkspaceBinder.bind(h, binding);
          };
      object.ifPresent(objects::add);
    }
    return new BoundFile(binding, objects);
  }
}
