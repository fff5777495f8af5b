package dev.zdp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.RepositoryRef;
import dev.zdp.model.load.GitCommitSource;
import dev.zdp.model.load.LoadResult;
import dev.zdp.model.load.ModelLoader;
import dev.zdp.validator.Report;
import dev.zdp.validator.change.ChangeValidator;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench measures real work only if its models are valid: a failing model is fast to check. */
class SyntheticEcosystemTest {

  private static final Shape SMALL = Shape.of(60, 10, 7);

  @Test
  void theLiveModelValidatesWithoutAnyDiagnostic() {
    LoadResult loaded = ModelLoader.load(SyntheticEcosystem.generate(SMALL).sourceFiles());

    Report report = ChangeValidator.builtIn().validate(loaded);

    assertThat(loaded.problems()).isEmpty();
    assertThat(report.diagnostics()).isEmpty();
    assertThat(loaded.model().datastores()).hasSize(60);
    assertThat(loaded.model().workspaces()).hasSize(30);
    assertThat(loaded.model().teams()).hasSize(6);
    assertThat(loaded.model().datastores())
        .allSatisfy(store -> assertThat(store.datasets()).hasSize(10));
  }

  @Test
  void theModelLooksLikeARealOne() {
    var model = ModelLoader.load(SyntheticEcosystem.generate(SMALL).sourceFiles()).model();

    assertThat(model.workspaces())
        .allSatisfy(
            workspace ->
                assertThat(workspace.datasetGroups().stream().mapToInt(g -> g.sinks().size()).sum())
                    .isBetween(5, 50));
    assertThat(model.workspaces().stream().flatMap(w -> w.datasetGroups().stream()))
        .anyMatch(group -> group.requirements().isPresent())
        .anyMatch(group -> group.requirements().isEmpty());
    assertThat(model.datastores().stream().flatMap(store -> store.datasets().stream()))
        .allSatisfy(
            dataset -> {
              assertThat(dataset.columns()).hasSizeBetween(5, 15);
              assertThat(dataset.classifications()).isNotEmpty();
              assertThat(dataset.columns().get(0).type().toString()).isEqualTo("bigint");
              assertThat(dataset.columns().get(0).nullable()).isFalse();
            });
    assertThat(
            model.datastores().stream()
                .flatMap(store -> store.datasets().stream())
                .flatMap(dataset -> dataset.columns().stream())
                .map(column -> column.type().base())
                .distinct())
        .hasSizeGreaterThan(12);
  }

  @Test
  void thePullRequestIsAValidChangeFromItsTeam() {
    SyntheticEcosystem base = SyntheticEcosystem.generate(SMALL);
    SyntheticEcosystem head = base.withPullRequest();

    Report report =
        ChangeValidator.builtIn()
            .validate(
                ModelLoader.load(base.sourceFiles()),
                ModelLoader.load(head.sourceFiles()),
                RepositoryRef.parse(head.changeSource()),
                false);

    assertThat(report.diagnostics()).isEmpty();
  }

  @Test
  void thePullRequestIsRejectedFromAnotherTeam() {
    SyntheticEcosystem base = SyntheticEcosystem.generate(SMALL);
    SyntheticEcosystem head = base.withPullRequest();
    String otherTeam =
        head.changeSource().equals("bench/team-0000@main")
            ? "bench/team-0001@main"
            : "bench/team-0000@main";

    Report report =
        ChangeValidator.builtIn()
            .validate(
                ModelLoader.load(base.sourceFiles()),
                ModelLoader.load(head.sourceFiles()),
                RepositoryRef.parse(otherTeam),
                false);

    assertThat(report.diagnostics()).extracting(d -> d.rule()).contains("ownership");
  }

  @Test
  void thePullRequestChangesTwoDatastoresAndOneWorkspace() {
    SyntheticEcosystem base = SyntheticEcosystem.generate(SMALL);
    SortedMap<String, String> before = base.files();
    SortedMap<String, String> after = base.withPullRequest().files();

    assertThat(after.keySet()).isEqualTo(before.keySet());
    Map<String, String> changed = new java.util.TreeMap<>(after);
    changed.entrySet().removeIf(file -> file.getValue().equals(before.get(file.getKey())));
    assertThat(changed.keySet())
        .hasSize(3)
        .anyMatch(path -> path.startsWith("workspaces/"))
        .filteredOn(path -> path.startsWith("teams/"))
        .hasSize(2);
    assertThat(String.join("", changed.values()))
        .contains(SyntheticEcosystem.ADDED_COLUMN, SyntheticEcosystem.ADDED_DATASET);
  }

  @Test
  void theSameSeedGivesTheSameFilesAndAnotherSeedOthers() {
    assertThat(SyntheticEcosystem.generate(SMALL).files())
        .isEqualTo(SyntheticEcosystem.generate(Shape.of(60, 10, 7)).files());
    assertThat(SyntheticEcosystem.generate(SMALL).files())
        .isNotEqualTo(SyntheticEcosystem.generate(Shape.of(60, 10, 8)).files());
  }

  @Test
  void theRepositoryHoldsTheLiveModelOnMainAndThePullRequestCheckedOut(@TempDir Path dir)
      throws Exception {
    SyntheticEcosystem base = SyntheticEcosystem.generate(Shape.of(20, 4, 3));
    SyntheticEcosystem head = base.withPullRequest();

    SyntheticRepository.write(dir, base, head);

    LoadResult live = ModelLoader.load(new GitCommitSource(dir, SyntheticRepository.BASE_BRANCH));
    LoadResult proposed =
        ModelLoader.load(new GitCommitSource(dir, SyntheticRepository.HEAD_BRANCH));
    assertThat(live.model().dataset(firstChangedStore(head), SyntheticEcosystem.ADDED_DATASET))
        .isEmpty();
    assertThat(proposed.model().dataset(firstChangedStore(head), SyntheticEcosystem.ADDED_DATASET))
        .isPresent();
    assertThat(dir.resolve("workspaces")).isDirectory();
    Report report =
        ChangeValidator.builtIn()
            .validate(live, proposed, RepositoryRef.parse(head.changeSource()), false);
    assertThat(report.diagnostics()).isEmpty();
  }

  private static String firstChangedStore(SyntheticEcosystem head) {
    return head.datastores().stream()
        .filter(
            store ->
                store.datasets().stream()
                    .anyMatch(d -> d.name().equals(SyntheticEcosystem.ADDED_DATASET)))
        .findFirst()
        .orElseThrow()
        .name();
  }
}
