package dev.zdp.generator.plan;

import static dev.zdp.generator.TestModels.column;
import static dev.zdp.generator.TestModels.dataset;
import static dev.zdp.generator.TestModels.datastore;
import static dev.zdp.generator.TestModels.ecosystem;
import static dev.zdp.generator.TestModels.forensicGroup;
import static dev.zdp.generator.TestModels.group;
import static dev.zdp.generator.TestModels.key;
import static dev.zdp.generator.TestModels.model;
import static dev.zdp.generator.TestModels.sink;
import static dev.zdp.generator.TestModels.workspace;
import static dev.zdp.generator.TestModels.zero;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.generator.Generator;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.Sink;
import dev.zdp.model.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan renders only the datastores whose inputs differ between base and head; these prove it is
 * the plan of two full renders, on a model of a few dozen datastores and the changes a pull request
 * makes.
 */
class IncrementalPlanTest {

  private static final int STORES = 36;

  @TempDir Path temp;

  /** Datastores s00..s35, three datasets each; a workspace per four datastores sinks them all. */
  private static Model base(UnaryOperator<List<Object>> change) {
    List<Object> objects = new ArrayList<>();
    for (int s = 0; s < STORES; s++) {
      String name = "s%02d".formatted(s);
      objects.add(
          datastore(
              name,
              dataset("a", key("id"), column("x", "text")),
              dataset("b", key("id"), column("y", "integer"), column("z", "date")),
              dataset("c", key("id"))));
    }
    for (int w = 0; w < STORES / 4; w++) {
      List<Sink> sinks = new ArrayList<>();
      for (int s = w * 4; s < w * 4 + 4; s++) {
        for (String d : List.of("a", "b", "c")) {
          sinks.add(sink("s%02d".formatted(s), d));
        }
      }
      objects.add(workspace("w%d".formatted(w), group("feed", "zero", sinks.toArray(Sink[]::new))));
    }
    return model(ecosystem(zero()), change.apply(objects));
  }

  private static UnaryOperator<List<Object>> replacing(String store, Datastore with) {
    return objects ->
        objects.stream()
            .map(o -> o instanceof Datastore d && d.name().equals(store) ? with : o)
            .toList();
  }

  private static void assertSamePlan(
      Generator generator, Model base, Model head, Optional<Path> baseT, Optional<Path> headT) {
    Plan incremental = Planner.plan(base, head, generator, baseT, headT);
    Plan full = Planner.planInFull(base, head, generator, baseT, headT);
    assertThat(incremental.changes()).isNotEmpty();
    assertThat(incremental).isEqualTo(full);
  }

  private static void assertSamePlan(Generator generator, Model base, Model head) {
    assertSamePlan(generator, base, head, Optional.empty(), Optional.empty());
  }

  @Test
  void aColumnAddedToOneDataset() {
    Datastore changed =
        datastore(
            "s07",
            dataset("a", key("id"), column("x", "text"), column("note", "text")),
            dataset("b", key("id"), column("y", "integer"), column("z", "date")),
            dataset("c", key("id")));
    assertSamePlan(new Generator(), base(o -> o), base(replacing("s07", changed)));
  }

  @Test
  void aDatastoreRemovedMovesTheOthersBetweenShards() {
    UnaryOperator<List<Object>> withoutS05 =
        objects ->
            objects.stream()
                .filter(o -> !(o instanceof Datastore d && d.name().equals("s05")))
                .map(o -> o instanceof Workspace w && w.name().equals("w1") ? dropS05(w) : o)
                .toList();
    assertSamePlan(new Generator(Optional.of(5)), base(o -> o), base(withoutS05));
    assertSamePlan(new Generator(), base(o -> o), base(withoutS05));
  }

  private static Workspace dropS05(Workspace w) {
    List<Sink> sinks =
        w.datasetGroups().get(0).sinks().stream()
            .filter(s -> !s.datastore().equals("s05"))
            .toList();
    return workspace(w.name(), group("feed", "zero", sinks.toArray(Sink[]::new)));
  }

  @Test
  void aNewConsumerAsksForHistory() {
    UnaryOperator<List<Object>> audit =
        objects -> {
          List<Object> more = new ArrayList<>(objects);
          more.add(workspace("audit", forensicGroup("history", sink("s20", "b"))));
          return more;
        };
    assertSamePlan(new Generator(), base(o -> o), base(audit));
  }

  @Test
  void aPlatformSettingChangesEveryDatastore() {
    Platform z = zero();
    Platform more =
        new Platform(
            z.name(),
            z.type(),
            "",
            new Platform.KafkaSettings("kafka:9092", 6, 1, false, Optional.empty()),
            z.connect(),
            z.iceberg());
    List<Object> all = new ArrayList<>(base(o -> o).datastores());
    all.addAll(base(o -> o).workspaces());
    assertSamePlan(new Generator(), base(o -> o), model(ecosystem(more), all));
  }

  @Test
  void aTemplateEditedOnOneSideRendersEverything() throws IOException {
    Path baseTemplates = Files.createDirectories(temp.resolve("base/zero"));
    Path headTemplates = Files.createDirectories(temp.resolve("head/zero"));
    String builtIn =
        dev.zdp.generator.template.TemplateEngine.builtIn("zero/merge_live.sql.j2").orElseThrow();
    Files.writeString(baseTemplates.resolve("merge_live.sql.j2"), builtIn);
    Files.writeString(headTemplates.resolve("merge_live.sql.j2"), "-- edited\n" + builtIn);
    Datastore changed =
        datastore(
            "s01",
            dataset("a", key("id"), column("x", "text")),
            dataset("b", key("id"), column("y", "bigint"), column("z", "date")),
            dataset("c", key("id")));
    Plan plan =
        Planner.plan(
            base(o -> o),
            base(replacing("s01", changed)),
            new Generator(),
            Optional.of(baseTemplates.getParent()),
            Optional.of(headTemplates.getParent()));
    assertSamePlan(
        new Generator(),
        base(o -> o),
        base(replacing("s01", changed)),
        Optional.of(baseTemplates.getParent()),
        Optional.of(headTemplates.getParent()));
    assertThat(plan.changes().stream().filter(c -> c.type().equals("merge job")))
        .hasSize(STORES * 3);
  }

  @Test
  void unchangedDatastoresAreNotRendered() {
    Datastore changed =
        datastore(
            "s07",
            dataset("a", key("id"), column("x", "varchar(10)")),
            dataset("b", key("id"), column("y", "integer"), column("z", "date")),
            dataset("c", key("id")));
    Generator generator = new Generator();
    Model base = base(o -> o);
    Model head = base(replacing("s07", changed));
    var rendered =
        generator.render(
            head,
            Optional.empty(),
            generator.differences(base, Optional.empty(), head, Optional.empty()));
    assertThat(rendered.keySet())
        .containsExactlyInAnyOrder(
            "zero/versions.tf",
            "zero/variables.tf",
            "zero/s07.tf",
            "zero/merge/s07/a.sql",
            "zero/merge/s07/b.sql",
            "zero/merge/s07/c.sql",
            "zero/staging/s07.sql",
            "zero/dags/zdp_zero_merge.py");
  }
}
