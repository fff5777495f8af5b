package dev.zdp.generator;

import static dev.zdp.generator.TestModels.acme;
import static dev.zdp.generator.TestModels.column;
import static dev.zdp.generator.TestModels.dataset;
import static dev.zdp.generator.TestModels.forensicGroup;
import static dev.zdp.generator.TestModels.key;
import static dev.zdp.generator.TestModels.sink;
import static dev.zdp.generator.TestModels.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zdp generate} into a directory it wrote before renders only what changed. */
class IncrementalGenerateTest {

  private static final Generator GENERATOR = new Generator();

  @TempDir Path temp;

  /** What one generate did, and the paths it rendered. */
  private record Run(ArtifactWriter.Result result, SortedSet<String> rendered) {}

  private static Run generate(Path out, Model model, Optional<Path> templates, boolean force)
      throws IOException {
    try (ArtifactWriter.Staging staging = ArtifactWriter.stage(out, force)) {
      SortedSet<String> paths = GENERATOR.render(model, templates, staging);
      ArtifactWriter.Result result = staging.commit(paths);
      SortedSet<String> rendered = new TreeSet<>(paths);
      rendered.removeAll(result.upToDate());
      return new Run(result, rendered);
    }
  }

  private static Run generate(Path out, Model model) throws IOException {
    return generate(out, model, Optional.empty(), false);
  }

  /** Every file under the directory by relative path, the manifest included. */
  private static SortedMap<String, String> tree(Path dir) throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /** The same output as a full render with --force into an empty directory. */
  private SortedMap<String, String> fullRender(Model model, Optional<Path> templates)
      throws IOException {
    Path full = Files.createTempDirectory(temp, "full");
    Run run = generate(full, model, templates, true);
    assertThat(run.result().upToDate()).isEmpty();
    return tree(full);
  }

  /** acme with crm.orders given one more column. */
  private static Model acmeWithANewOrdersColumn() {
    return acme(
        objects -> {
          List<Object> changed = new ArrayList<>();
          for (Object o : objects) {
            if (o instanceof Datastore d && d.name().equals("crm")) {
              List<Dataset> datasets = new ArrayList<>();
              for (Dataset dataset : d.datasets()) {
                datasets.add(
                    dataset.name().equals("orders")
                        ? dataset(
                            "orders",
                            key("id"),
                            column("customer_id", "bigint"),
                            column("amount", "decimal(12,2)"),
                            column("placed_on", "date"),
                            column("currency", "varchar(3)"))
                        : dataset);
              }
              changed.add(
                  new Datastore(
                      d.name(),
                      d.team(),
                      d.description(),
                      d.productionStatus(),
                      d.deprecated(),
                      d.capture(),
                      datasets));
            } else {
              changed.add(o);
            }
          }
          return changed;
        });
  }

  @Test
  void anUnchangedModelRendersNothingAndKeepsEveryByte() throws IOException {
    Path out = temp.resolve("out");
    Run first = generate(out, acme());
    SortedMap<String, String> before = tree(out);

    Run again = generate(out, acme());

    assertThat(first.rendered()).hasSizeGreaterThan(5);
    assertThat(again.rendered()).isEmpty();
    assertThat(again.result().written()).isEmpty();
    assertThat(again.result().unchanged()).containsExactlyElementsOf(first.rendered());
    assertThat(tree(out)).isEqualTo(before).isEqualTo(fullRender(acme(), Optional.empty()));
  }

  @Test
  void changingOneDatasetRendersOnlyTheFilesMadeFromIt() throws IOException {
    Path out = temp.resolve("out");
    generate(out, acme());

    Run changed = generate(out, acmeWithANewOrdersColumn());

    assertThat(changed.rendered())
        .containsExactly("zero/merge/crm/orders.sql", "zero/staging/crm.sql");
    assertThat(changed.result().written())
        .containsExactly("zero/merge/crm/orders.sql", "zero/staging/crm.sql");
    assertThat(Files.readString(out.resolve("zero/merge/crm/orders.sql"))).contains("currency");
    assertThat(tree(out)).isEqualTo(fullRender(acmeWithANewOrdersColumn(), Optional.empty()));
  }

  @Test
  void aNewConsumerRendersTheFilesNamingItAndTheDagButNotTheOtherDatastores() throws IOException {
    Path out = temp.resolve("out");
    generate(out, acme());
    Model moreHistory =
        acme(
            objects ->
                objects.stream()
                    .map(
                        o ->
                            o instanceof Workspace w && w.name().equals("audit")
                                ? workspace(
                                    "audit",
                                    forensicGroup(
                                        "history",
                                        sink("crm", "customers"),
                                        sink("crm", "orders"),
                                        sink("billing", "invoices")))
                                : o)
                    .toList());

    Run changed = generate(out, moreHistory);

    assertThat(changed.rendered())
        .contains(
            "zero/merge/crm/orders.forensic.sql",
            "zero/dags/zdp_zero_merge.py",
            "zero/crm.tf",
            "zero/staging/crm.sql")
        .noneMatch(p -> p.contains("billing"));
    assertThat(changed.result().written()).contains("zero/merge/crm/orders.forensic.sql");
    assertThat(tree(out)).isEqualTo(fullRender(moreHistory, Optional.empty()));
  }

  @Test
  void aFileEditedByHandOrDeletedIsRenderedAgain() throws IOException {
    Path out = temp.resolve("out");
    generate(out, acme());
    SortedMap<String, String> before = tree(out);
    Path crm = out.resolve("zero/crm.tf");
    // same size, other bytes: only the digest tells
    String original = Files.readString(crm);
    Files.writeString(crm, original.replace("crm", "CRM"));
    Files.delete(out.resolve("zero/merge/billing/invoices.sql"));

    Run again = generate(out, acme());

    assertThat(again.rendered()).containsExactly("zero/crm.tf", "zero/merge/billing/invoices.sql");
    assertThat(again.result().written())
        .containsExactly("zero/crm.tf", "zero/merge/billing/invoices.sql");
    assertThat(tree(out)).isEqualTo(before);
  }

  @Test
  void changingATemplateOverrideRendersEveryFileAndRewritesWhatUsesIt() throws IOException {
    Path templates = temp.resolve("templates");
    Files.createDirectories(templates.resolve("zero"));
    Path versions = templates.resolve("zero/versions.tf.j2");
    Files.writeString(versions, "terraform {\nrequired_version = \">= 1.9\"\n}\n");
    Path out = temp.resolve("out");
    generate(out, acme(), Optional.of(templates), false);
    assertThat(generate(out, acme(), Optional.of(templates), false).rendered()).isEmpty();

    Files.writeString(versions, "terraform {\nrequired_version = \">= 1.10\"\n}\n");
    Run changed = generate(out, acme(), Optional.of(templates), false);

    assertThat(changed.result().upToDate()).isEmpty();
    assertThat(changed.result().written()).containsExactly("zero/versions.tf");
    assertThat(Files.readString(out.resolve("zero/versions.tf"))).contains(">= 1.10");
    assertThat(tree(out)).isEqualTo(fullRender(acme(), Optional.of(templates)));
  }

  @Test
  void aManifestFromAnotherRendererOrDamagedRendersEverythingWithoutFailing() throws IOException {
    Path out = temp.resolve("out");
    generate(out, acme());
    Path manifest = out.resolve(ArtifactWriter.MANIFEST);
    String text = Files.readString(manifest);
    SortedMap<String, String> full = fullRender(acme(), Optional.empty());

    Files.writeString(manifest, text.replaceFirst("# renderer \\S+", "# renderer 0123"));
    try (ArtifactWriter.Staging staging = ArtifactWriter.stage(out)) {
      staging.renderer("4567");
      assertThat(staging.whyEverythingIsRendered()).get().asString().contains("changed since");
    }
    Run otherRenderer = generate(out, acme());
    assertThat(otherRenderer.result().upToDate()).isEmpty();
    assertThat(tree(out)).isEqualTo(full);

    Files.writeString(manifest, text.replace("\t", "\tx"));
    Run damaged = generate(out, acme());
    assertThat(damaged.result().upToDate()).isEmpty();
    assertThat(damaged.result().written()).isEmpty();
    assertThat(tree(out)).isEqualTo(full);

    Files.write(manifest, new byte[] {(byte) 0xff, 0, '\n', '\t', '\t', '\n'});
    Run garbage = generate(out, acme());
    assertThat(garbage.result().upToDate()).isEmpty();
    assertThat(tree(out)).isEqualTo(full);
  }

  @Test
  void aManifestOfPathsOnlyStillRemovesWhatIsNoLongerGenerated() throws IOException {
    Path out = temp.resolve("out");
    generate(out, acme());
    Files.writeString(out.resolve("zero/old.tf"), "# gone\n");
    StringBuilder older = new StringBuilder("# Files written by zdp generate.\nzero/old.tf\n");
    ArtifactWriter.readManifest(out).forEach(p -> older.append(p).append('\n'));
    Files.writeString(out.resolve(ArtifactWriter.MANIFEST), older);

    Run run = generate(out, acme());

    assertThat(run.result().upToDate()).isEmpty();
    assertThat(run.result().removed()).containsExactly("zero/old.tf");
    assertThat(tree(out)).isEqualTo(fullRender(acme(), Optional.empty()));
  }

  @Test
  void forceRendersEverythingAndGivesTheSameBytes() throws IOException {
    Path out = temp.resolve("out");
    generate(out, acme());
    SortedMap<String, String> before = tree(out);

    Run forced = generate(out, acme(), Optional.empty(), true);

    assertThat(forced.result().upToDate()).isEmpty();
    assertThat(forced.rendered()).hasSameSizeAs(forced.result().unchanged());
    assertThat(tree(out)).isEqualTo(before);
  }

  @Test
  void theManifestListsEachFileWithItsSizeDigestAndFingerprintSorted() throws IOException {
    Path out = temp.resolve("out");
    generate(out, acme());

    List<String> lines = Files.readAllLines(out.resolve(ArtifactWriter.MANIFEST));
    List<String> files = lines.stream().filter(l -> !l.startsWith("#")).toList();

    assertThat(files).isSortedAccordingTo(String::compareTo).hasSizeGreaterThan(5);
    for (String line : files) {
      String[] fields = line.split("\t");
      assertThat(fields).hasSize(4);
      assertThat(Files.size(out.resolve(fields[0]))).isEqualTo(Long.parseLong(fields[1]));
      assertThat(fields[2]).matches("[0-9a-f]{32}");
      assertThat(fields[3]).matches("[0-9a-f]{32}");
    }
    assertThat(Map.of("crm", ArtifactWriter.readManifest(out).contains("zero/crm.tf")))
        .containsEntry("crm", true);
  }

  @Test
  void aPreviewRendersOnlyWhatChangedWritesNothingUntilAskedAndThenAsGenerateWould()
      throws IOException {
    Path out = temp.resolve("out");
    generate(out, acme());
    SortedMap<String, String> before = tree(out);

    ArtifactWriter.Preview preview = ArtifactWriter.preview(out);
    SortedSet<String> paths =
        GENERATOR.render(acmeWithANewOrdersColumn(), Optional.empty(), preview);

    assertThat(preview.rendered().keySet())
        .containsExactly("zero/merge/crm/orders.sql", "zero/staging/crm.sql");
    assertThat(preview.upToDate()).hasSize(paths.size() - 2);
    assertThat(preview.previousPaths()).isEqualTo(ArtifactWriter.readManifest(out));
    assertThat(tree(out)).isEqualTo(before);

    ArtifactWriter.Result written = preview.write(paths);

    assertThat(written.written())
        .containsExactly("zero/merge/crm/orders.sql", "zero/staging/crm.sql");
    assertThat(tree(out)).isEqualTo(fullRender(acmeWithANewOrdersColumn(), Optional.empty()));
    assertThat(generate(out, acmeWithANewOrdersColumn()).rendered()).isEmpty();
  }

  @Test
  void aPreviewOfADirectoryNotThereRendersEverythingAndCreatesNothing() throws IOException {
    Path out = temp.resolve("never-written");

    ArtifactWriter.Preview preview = ArtifactWriter.preview(out);
    SortedSet<String> paths = GENERATOR.render(acme(), Optional.empty(), preview);

    assertThat(preview.rendered().keySet()).isEqualTo(paths);
    assertThat(preview.upToDate()).isEmpty();
    assertThat(out).doesNotExist();
  }
}
