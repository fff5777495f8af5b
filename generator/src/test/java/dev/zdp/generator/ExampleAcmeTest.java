package dev.zdp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.generator.graph.GraphRenderer;
import dev.zdp.generator.zero.TerraformReader;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.model.load.SourceFile;
import dev.zdp.model.platform.IntentionGraph;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example model of the repository, read by the real loader. */
class ExampleAcmeTest {

  private static final Path ACME = Path.of("..", "examples", "acme");

  private static List<SourceFile> files() throws Exception {
    return new DirectorySource(ACME).files();
  }

  private static SortedMap<String, byte[]> render(List<SourceFile> files) {
    LoadResult loaded = ModelLoader.load(files);
    assertThat(loaded.problems()).isEmpty();
    return new Generator().render(loaded.model(), Optional.empty());
  }

  @Test
  void rendersEveryIngestedDatastoreAndParses() throws Exception {
    SortedMap<String, byte[]> artifacts = render(files());

    assertThat(artifacts).containsKeys("zero/crm.tf", "zero/shop.tf", "zero/fleet.tf");
    assertThat(artifacts).containsKey("zero/merge/shop/orders.forensic.sql");
    artifacts.forEach(
        (path, bytes) -> {
          if (path.endsWith(".tf")) {
            assertThat(TerraformReader.parse(path, bytes)).as(path).isNotEmpty();
          }
        });
    String versions = new String(artifacts.get("zero/versions.tf"), StandardCharsets.UTF_8);
    assertThat(versions).contains("tls_enabled       = true").contains("sasl_username");
  }

  @Test
  void theSameModelSplitAndOrderedDifferentlyGivesTheSameBytes() throws Exception {
    List<SourceFile> original = files();
    SortedMap<String, byte[]> expected = render(original);

    // every document in one file, files in reverse order
    List<SourceFile> reversed = new ArrayList<>(original);
    Collections.reverse(reversed);
    StringBuilder all = new StringBuilder();
    for (SourceFile file : reversed) {
      all.append("---\n").append(new String(file.content(), StandardCharsets.UTF_8)).append('\n');
    }
    SortedMap<String, byte[]> oneFile =
        render(
            List.of(new SourceFile("all.yaml", all.toString().getBytes(StandardCharsets.UTF_8))));

    // the same files under names that sort the other way round
    List<SourceFile> renamed = new ArrayList<>();
    for (int i = 0; i < original.size(); i++) {
      renamed.add(new SourceFile("f" + (original.size() - i) + ".yaml", original.get(i).content()));
    }
    SortedMap<String, byte[]> renamedFiles = render(renamed);

    for (SortedMap<String, byte[]> other : List.of(oneFile, renamedFiles)) {
      assertThat(other.keySet()).isEqualTo(expected.keySet());
      expected.forEach((path, bytes) -> assertThat(other.get(path)).as(path).isEqualTo(bytes));
    }
  }

  @Test
  void generatingIntoADirectoryTwiceGivesIdenticalTrees(@TempDir Path out) throws Exception {
    ArtifactWriter.write(out, render(files()));
    List<String> first = tree(out);

    ArtifactWriter.Result again = ArtifactWriter.write(out, render(files()));

    assertThat(again.written()).isEmpty();
    assertThat(tree(out)).isEqualTo(first);
  }

  @Test
  void theGraphShowsTheExampleWorkspaces() throws Exception {
    IntentionGraph graph = IntentionGraph.of(ModelLoader.load(files()).model());

    assertThat(GraphRenderer.mermaid(graph))
        .contains("{{\"finance_reporting\"}}")
        .contains("-->|\"ledger, forensic\"|");
  }

  private static List<String> tree(Path root) throws Exception {
    try (var walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(
              p -> {
                try {
                  return root.relativize(p)
                      + " "
                      + java.util.Arrays.hashCode(Files.readAllBytes(p));
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .sorted()
          .toList();
    }
  }
}
