package dev.zdp.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.model.platform.IntentionGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A loaded model finds locations by binding a file again; it must answer exactly what recording
 * every location during the load (what the loader did before) answers, and reading files on several
 * threads must give what reading them one after the other gives.
 */
class LazyLocationsTest {

  private static final Path EXAMPLES = examples();

  private static Path examples() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(dir.resolve("examples/acme"))) {
      dir = dir.getParent();
    }
    return dir.resolve("examples");
  }

  private static List<SourceFile> files(String example) throws Exception {
    return new DirectorySource(EXAMPLES.resolve(example)).files();
  }

  /** Every location of every file, recorded while binding, the first recorded winning. */
  private static Map<ObjectPath, SourceLocation> recordedEagerly(List<SourceFile> files) {
    List<SourceFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(SourceFile::path));
    Map<ObjectPath, SourceLocation> all = new LinkedHashMap<>();
    YamlReader reader = new YamlReader();
    for (SourceFile file : sorted) {
      ModelLoader.bind(file, reader, new Binding(true))
          .binding()
          .sources()
          .forEach(all::putIfAbsent);
    }
    return all;
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme", "broken"})
  void everyNodeResolvesWhereRecordingItWhileLoadingPutIt(String example) throws Exception {
    List<SourceFile> files = files(example);
    Map<ObjectPath, SourceLocation> eager = recordedEagerly(files);
    Model model = ModelLoader.load(files).model();

    assertThat(eager).hasSizeGreaterThan(100);
    eager.forEach(
        (path, at) -> {
          assertThat(model.sources().exact(path)).as("%s", path).contains(at);
          assertThat(model.locate(path.field("unwritten"))).as("%s/unwritten", path).contains(at);
        });
  }

  @Test
  void aPathNeverWrittenHasNoLocation() throws Exception {
    Model model = ModelLoader.load(files("acme")).model();

    assertThat(model.sources().exact(ObjectPath.of(dev.zdp.model.Kind.DATASTORE, "nowhere")))
        .isEmpty();
    assertThat(model.locate(new ObjectPath(List.of("nowhere.yaml#1", "kind")))).isEmpty();
  }

  @Test
  void aDuplicatedObjectResolvesToItsFirstFile() throws Exception {
    List<SourceFile> files = new ArrayList<>(files("acme"));
    for (SourceFile file : files("acme")) {
      files.add(new SourceFile("zz-copy/" + file.path(), file.content()));
    }
    Map<ObjectPath, SourceLocation> eager = recordedEagerly(files);
    Model model = ModelLoader.load(files).model();

    eager.forEach(
        (path, at) -> assertThat(model.sources().exact(path)).as("%s", path).contains(at));
    eager.forEach(
        (path, at) -> {
          if (!path.segments().get(0).contains(".yaml#")) {
            assertThat(at.file()).as("%s", path).doesNotStartWith("zz-copy/");
          }
        });
  }

  @Test
  void readingOnSeveralThreadsGivesWhatReadingInOrderGives() throws Exception {
    List<SourceFile> one = Stream.concat(files("acme").stream(), files("broken").stream()).toList();
    List<SourceFile> files = new ArrayList<>();
    for (int copy = 0; copy < 8; copy++) {
      for (SourceFile file : one) {
        files.add(new SourceFile("copy" + copy + "/" + file.path(), file.content()));
      }
    }

    LoadResult sequential = ModelLoader.load(files, false, null);
    LoadResult parallel = ModelLoader.load(files, true, null);

    assertThat(files).hasSizeGreaterThan(200);
    assertThat(parallel.problems()).isNotEmpty().isEqualTo(sequential.problems());
    Model a = sequential.model();
    Model b = parallel.model();
    assertThat(b.ecosystem()).isEqualTo(a.ecosystem());
    assertThat(b.zones()).isNotEmpty().isEqualTo(a.zones());
    assertThat(b.teams()).isNotEmpty().isEqualTo(a.teams());
    assertThat(b.datastores()).isNotEmpty().isEqualTo(a.datastores());
    assertThat(b.workspaces()).isNotEmpty().isEqualTo(a.workspaces());
    assertThat(b.definitions()).isNotEmpty().isEqualTo(a.definitions());
  }

  @Test
  void aSecondLoadTakingTheFirstsFilesGivesWhatLoadingItAloneGives() throws Exception {
    List<SourceFile> one = Stream.concat(files("acme").stream(), files("broken").stream()).toList();
    List<SourceFile> base = new ArrayList<>();
    List<SourceFile> head = new ArrayList<>();
    for (int copy = 0; copy < 4; copy++) {
      for (SourceFile file : one) {
        base.add(new SourceFile("base/c" + copy + file.path(), file.content()));
        byte[] changed =
            copy == 1 ? (new String(file.content()) + "\n# changed\n").getBytes() : file.content();
        head.add(new SourceFile("head/c" + copy + file.path(), changed));
      }
    }
    BoundFiles shared = new BoundFiles();
    ModelLoader.load(base, shared);

    LoadResult alone = ModelLoader.load(head, false, null);
    LoadResult taken = ModelLoader.load(head, shared);

    assertThat(taken.problems()).isNotEmpty().isEqualTo(alone.problems());
    Model a = alone.model();
    Model b = taken.model();
    assertThat(b.ecosystem()).isEqualTo(a.ecosystem());
    assertThat(b.zones()).isNotEmpty().isEqualTo(a.zones());
    assertThat(b.teams()).isNotEmpty().isEqualTo(a.teams());
    assertThat(b.datastores()).isNotEmpty().isEqualTo(a.datastores());
    assertThat(b.workspaces()).isNotEmpty().isEqualTo(a.workspaces());
    assertThat(b.definitions()).isNotEmpty().isEqualTo(a.definitions());
    assertThat(b.definitions()).allMatch(d -> d.location().file().startsWith("head/"));
    recordedEagerly(head)
        .forEach((path, at) -> assertThat(b.sources().exact(path)).as("%s", path).contains(at));
  }

  @Test
  void aModelWithoutDefinitionsKeepsItsObjectsLocationsAndIntentions() throws Exception {
    List<SourceFile> files = files("acme");
    Model model = ModelLoader.load(files).model();
    IntentionGraph graph = IntentionGraph.of(model);
    Model checked = model.withoutDefinitions();

    assertThat(model.definitions()).isNotEmpty();
    assertThat(checked.definitions()).isEmpty();
    assertThat(checked.datastores()).isEqualTo(model.datastores());
    assertThat(checked.zones()).isEqualTo(model.zones());
    assertThat(checked.teams()).isEqualTo(model.teams());
    assertThat(checked.workspaces()).isEqualTo(model.workspaces());
    assertThat(checked.ecosystem()).isEqualTo(model.ecosystem());
    assertThat(IntentionGraph.of(checked)).isSameAs(graph);
    recordedEagerly(files)
        .forEach(
            (path, at) -> assertThat(checked.sources().exact(path)).as("%s", path).contains(at));
  }
}
