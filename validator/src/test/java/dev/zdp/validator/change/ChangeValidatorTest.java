package dev.zdp.validator.change;

import static dev.zdp.validator.change.Acme.CRM_FILE;
import static dev.zdp.validator.change.Acme.ECOSYSTEM_FILE;
import static dev.zdp.validator.change.ChangeReports.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleRegistry;
import dev.zdp.validator.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeValidatorTest {

  /** Team sales removes a column team analytics consumes. */
  private static final Tree BREAKING =
      Acme.model().edit(CRM_FILE, "\n        - {name: email, type: varchar(320)}", "");

  @TempDir Path dir;
  private ModelRepo repo;
  private String base;

  @BeforeEach
  void commitBase() throws Exception {
    repo = ModelRepo.init(dir);
    base = repo.commit(Acme.model());
  }

  @AfterEach
  void close() {
    repo.close();
  }

  @Test
  void allowingBreakingChangesTurnsThemIntoProminentWarnings() throws Exception {
    String head = repo.commit(BREAKING);

    Report allowed = repo.validate(base, head, "acme/sales@main", true);

    assertThat(allowed.errors()).isZero();
    Diagnostic d = only(allowed, "column-removed");
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message())
        .startsWith("allowed breaking change: Cannot remove column 'crm.customers.email'");
    assertThat(repo.validate(base, head, "acme/sales@main", false).errors()).isEqualTo(1);
  }

  @Test
  void allowingBreakingChangesNeverOverridesOwnership() throws Exception {
    Report report = repo.validate(base, repo.commit(BREAKING), "acme/analytics@main", true);

    assertThat(only(report, "ownership").severity()).isEqualTo(Severity.ERROR);
    assertThat(only(report, "column-removed").severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void allowingBreakingChangesNeverOverridesWhatTheDeployCannotApply() throws Exception {
    String head =
        repo.commit(
            Acme.model()
                .edit(CRM_FILE, "{name: visits, type: integer}", "{name: visits, type: text}"));

    Report report = repo.validate(base, head, "acme/sales@main", true);

    assertThat(only(report, "column-type-changed").severity()).isEqualTo(Severity.WARNING);
    Diagnostic d = only(report, "zero-schema-evolution");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message())
        .startsWith(
            "Cannot change column 'crm.customers.visits' from integer to text on Zero, even as an"
                + " allowed breaking change: its Iceberg tables cannot change int to string in"
                + " place");
    assertThat(d.hint())
        .isEqualTo("keep integer and add a new nullable column of type text beside it");
  }

  @Test
  void anInvalidBaseIsReportedAsWarningsAndDoesNotBlockTheChangeThatFixesIt() throws Exception {
    String broken =
        repo.commit(
            Acme.model()
                .edit(CRM_FILE, "{name: visits, type: integer}", "{name: visits, type: int}"));
    String fixed = repo.commit(Acme.model());

    Report report = repo.validate(broken, fixed, "acme/sales@main", false);

    assertThat(report.errors()).isZero();
    Diagnostic d = only(report, ChangeValidator.INVALID_BASE);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.message())
        .startsWith("the base model (before this change) is invalid: column 'visits'")
        .endsWith("[invalid-value]");
    assertThat(d.location().orElseThrow().line())
        .isEqualTo(Acme.model().lineOf(CRM_FILE, "name: visits"));
  }

  @Test
  void aProblemBothBaseAndHeadHaveIsTheHeadsError() throws Exception {
    Tree brokenTree =
        Acme.model().edit(CRM_FILE, "{name: visits, type: integer}", "{name: visits, type: int}");
    String broken = repo.commit(brokenTree);
    String stillBroken = repo.commit(brokenTree.edit(CRM_FILE, "varchar(320)", "varchar(400)"));

    Report report = repo.validate(broken, stillBroken, "acme/sales@main", false);

    assertThat(report.diagnostics())
        .extracting(Diagnostic::rule, Diagnostic::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("invalid-value", Severity.ERROR));
  }

  @Test
  void changeRuleLevelsComeFromTheBaseNotFromTheChange() throws Exception {
    Tree relaxed =
        Acme.model()
            .edit(
                ECOSYSTEM_FILE,
                "repository: acme/data-model@main",
                "repository: acme/data-model@main\n  rules:\n    column-removed: warning");
    String relaxedHead =
        repo.commit(relaxed.edit(CRM_FILE, "\n        - {name: email, type: varchar(320)}", ""));

    Report selfRelaxing = repo.validate(base, relaxedHead, null, false);
    assertThat(only(selfRelaxing, "column-removed").severity()).isEqualTo(Severity.ERROR);
    assertThat(selfRelaxing.diagnostics()).noneMatch(d -> d.rule().equals("rule-config"));

    String relaxedBase = repo.commit(relaxed);
    Report underRelaxedBase = repo.validate(relaxedBase, relaxedHead, null, false);
    assertThat(only(underRelaxedBase, "column-removed").severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void anUnchangedModelHasNothingToSay() throws Exception {
    String same = repo.commit(Acme.model());

    assertThat(repo.validate(base, same, "acme/sales@main", false).diagnostics()).isEmpty();
  }

  @Test
  void changeRuleIdsAreUniqueAndDistinctFromSingleModelRuleIds() {
    List<String> changeIds =
        ChangeRuleRegistry.builtIn().rules().stream().map(ChangeRule::id).toList();
    List<String> modelIds = RuleRegistry.builtIn().rules().stream().map(Rule::id).toList();

    assertThat(changeIds).doesNotHaveDuplicates().doesNotContainAnyElementsOf(modelIds);
    assertThat(changeIds).doesNotContain(ChangeValidator.INVALID_BASE);
    assertThat(changeIds).allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
  }

  @Test
  void reportsCanDescribeEveryIdAChangeReportCarries() {
    List<String> described =
        ChangeRuleRegistry.builtIn().descriptions().stream().map(d -> d.id()).toList();

    assertThat(described)
        .containsAll(ChangeRuleRegistry.builtIn().ids())
        .contains(ChangeValidator.INVALID_BASE);
    assertThat(ChangeRuleRegistry.builtIn().descriptions())
        .filteredOn(d -> d.id().equals("ownership"))
        .singleElement()
        .satisfies(d -> assertThat(d.adjustable()).isFalse());
  }

  @Test
  void everyChangeRuleIsDocumented() throws Exception {
    String docs = java.nio.file.Files.readString(Path.of("..", "docs", "change-rules.md"));

    for (String id : ChangeRuleRegistry.builtIn().ids()) {
      assertThat(docs).as(id).contains("### " + id + "\n");
    }
  }
}
