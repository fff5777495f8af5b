package dev.zdp.generator.template;

import static dev.zdp.generator.TestModels.datastore;
import static dev.zdp.generator.TestModels.forensicGroup;
import static dev.zdp.generator.TestModels.group;
import static dev.zdp.generator.TestModels.sink;
import static dev.zdp.generator.TestModels.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.generator.PendingArtifact;
import dev.zdp.generator.TestModels;
import dev.zdp.generator.zero.ZeroRenderer;
import dev.zdp.model.Column;
import dev.zdp.model.ColumnType;
import dev.zdp.model.Dataset;
import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.Sink;
import dev.zdp.model.load.DirectorySource;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every built-in template renders to the same bytes with Pebble ({@link BuiltIns}) as with Jinjava,
 * for every file of the example model and of random synthetic models: all column types, keys of one
 * and two columns, nullable and not, live and forensic consumers, values holding what each language
 * must escape.
 */
class BuiltInsGoldenTest {

  private static final Path ACME = Path.of("..", "examples", "acme");

  @Test
  void theExampleRendersAlikeWithBothEngines() throws Exception {
    LoadResult loaded = ModelLoader.load(new DirectorySource(ACME).files());
    assertThat(loaded.problems()).isEmpty();
    assertEveryFileAlike(loaded.model(), EVERY_PLATFORM_HAS);
  }

  @Test
  void theTestModelRendersAlikeWithBothEngines() {
    assertEveryFileAlike(TestModels.acme(), EVERY_PLATFORM_HAS);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void randomModelsRenderAlikeWithBothEngines(long seed) {
    List<String> all = new ArrayList<>(EVERY_PLATFORM_HAS);
    all.addAll(List.of("zero/merge_forensic.sql.j2", "zero/reconcile_dag.py.j2"));
    assertEveryFileAlike(synthetic(seed), all);
  }

  private static final List<String> EVERY_PLATFORM_HAS =
      List.of(
          "zero/versions.tf.j2",
          "zero/variables.tf.j2",
          "zero/datastore.tf.j2",
          "zero/merge_live.sql.j2",
          "zero/staging.sql.j2",
          "zero/dag.py.j2");

  /** Renders every artifact both ways; also checks that the templates expected were met. */
  private static void assertEveryFileAlike(Model model, List<String> expected) {
    TemplateEngine engine = new TemplateEngine(Optional.empty());
    Set<String> templates = new TreeSet<>();
    int files = 0;
    for (PlatformIntentions platform : IntentionGraph.of(model).platforms()) {
      for (PendingArtifact artifact :
          ZeroRenderer.artifacts(platform, Optional.empty(), (module, store) -> true)) {
        Map<String, ?> context = artifact.context().get();
        String jinjava = engine.renderWithJinjava(artifact.template(), context);
        String pebble;
        try {
          pebble = BuiltIns.renderOrFail(artifact.template(), context);
        } catch (Exception e) {
          throw new AssertionError(artifact.path() + ": Pebble failed: " + e, e);
        }
        assertThat(pebble).as(artifact.path()).isEqualTo(jinjava);
        templates.add(artifact.template());
        files++;
      }
    }
    assertThat(files).isPositive();
    assertThat(templates).containsAll(expected);
  }

  /** Every type the model knows but time (no MERGE job can carry one), parameters filled in. */
  private static final List<String> TYPES =
      Arrays.stream(ColumnType.Base.values())
          .filter(base -> base != ColumnType.Base.TIME)
          .map(base -> base.pattern().replace("(n)", "(40)").replace("(p,s)", "(12,2)"))
          .toList();

  /** Text each quoting filter has work with: quotes, backslashes, line ends, invisible ones. */
  private static final List<String> AWKWARD =
      List.of(
          "",
          "plain",
          "it's \"quoted\" \\ and {{ not_a_variable }} ${interpolation} %{directive}",
          "two\nlines\r\tand a tab",
          "bidi \u202e override, zero\u200bwidth, emoji \uD83D\uDE00, coding: utf-8",
          "ends in a backslash \\");

  /**
   * Datastores of random datasets and columns, consumed live and forensically, on a platform with a
   * reconcile DAG.
   */
  static Model synthetic(long seed) {
    Random random = new Random(seed);
    List<Object> objects = new ArrayList<>();
    List<Sink> live = new ArrayList<>();
    List<Sink> forensic = new ArrayList<>();
    int stores = 2 + random.nextInt(4);
    for (int s = 0; s < stores; s++) {
      String store = "store_" + s;
      List<Dataset> datasets = new ArrayList<>();
      int count = 1 + random.nextInt(4);
      for (int d = 0; d < count; d++) {
        String name = "table_" + d;
        List<Column> columns = new ArrayList<>();
        columns.add(column("id", "bigint", false, true, random));
        if (random.nextBoolean()) {
          columns.add(column("line_no", "integer", false, true, random));
        }
        int more = random.nextInt(8);
        for (int c = 0; c < more; c++) {
          columns.add(
              column(
                  "col_" + c,
                  TYPES.get(random.nextInt(TYPES.size())),
                  random.nextBoolean(),
                  false,
                  random));
        }
        datasets.add(
            new Dataset(
                name,
                "public." + name,
                AWKWARD.get(random.nextInt(AWKWARD.size())),
                List.of("pii"),
                false,
                columns));
        boolean history = d == 0 ? s == 0 : random.nextInt(3) == 0; // both kinds, always
        (history ? forensic : live).add(sink(store, name));
      }
      Datastore plain = datastore(store, datasets.toArray(Dataset[]::new));
      objects.add(
          new Datastore(
              plain.name(),
              plain.team(),
              AWKWARD.get(random.nextInt(AWKWARD.size())),
              plain.productionStatus(),
              plain.deprecated(),
              plain.capture(),
              plain.datasets()));
    }
    List<DatasetGroup> groups = new ArrayList<>();
    if (!live.isEmpty()) {
      groups.add(group("live_feed", "zero", live.toArray(Sink[]::new)));
    }
    if (!forensic.isEmpty()) {
      groups.add(forensicGroup("history", forensic.toArray(Sink[]::new)));
    }
    objects.add(workspace("consumer", groups.toArray(DatasetGroup[]::new)));
    Platform zero = TestModels.zero();
    Platform platform =
        new Platform(
            zero.name(),
            zero.type(),
            AWKWARD.get(random.nextInt(AWKWARD.size())),
            zero.kafka(),
            zero.connect(),
            zero.iceberg(),
            Optional.of(new Platform.ReconcileSettings(5 + random.nextInt(120))));
    return TestModels.model(TestModels.ecosystem(platform), objects);
  }

  private static Column column(
      String name, String type, boolean nullable, boolean key, Random random) {
    return new Column(
        name,
        ColumnType.parse(type).type().orElseThrow(),
        nullable,
        key,
        AWKWARD.get(random.nextInt(AWKWARD.size())));
  }
}
