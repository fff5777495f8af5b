package dev.zdp.validator.change.deprecation;

import static dev.zdp.validator.change.Acme.CHURN_FILE;
import static dev.zdp.validator.change.Acme.CRM_FILE;
import static dev.zdp.validator.change.ChangeReports.at;
import static dev.zdp.validator.change.ChangeReports.changeErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.Acme;
import dev.zdp.validator.change.ChangeValidator;
import dev.zdp.validator.change.ModelRepo;
import dev.zdp.validator.change.Tree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deprecation protocol end to end, guarded by the single-model rule {@code deprecation} run on
 * each pull request's head. Retiring {@code crm.orders}, consumed by workspace churn (team
 * analytics) and, in this test, also by workspace ledger (team finance), one pull request at a time
 * on the live branch.
 */
class DeprecationProtocolTest {

  private static final String PRODUCER = "acme/sales@main";
  private static final String LEDGER_FILE = "americas/finance/ledger.yaml";
  private static final String ORDERS =
      """
          - name: orders
            classifications: [internal]
            columns:
              - {name: order_id, type: bigint, nullable: false, primaryKey: true}
              - {name: customer_id, type: bigint, nullable: false}
      """;

  /** The Acme model with a second consumer of crm.orders, in another team. */
  private static final Tree LIVE =
      Acme.model()
          .edit(
              Acme.ZONE_FILE,
              "- {name: analytics, repository: acme/analytics@main}",
              "- {name: analytics, repository: acme/analytics@main}\n"
                  + "    - {name: finance, repository: acme/finance@main}")
          .put(
              "americas/finance/team.yaml",
              """
              apiVersion: zdp/v1
              kind: Team
              metadata: {name: finance, zone: americas}
              """)
          .put(
              LEDGER_FILE,
              """
              apiVersion: zdp/v1
              kind: Workspace
              metadata: {name: ledger, team: finance}
              spec:
                datasetGroups:
                  - name: books
                    platform: zero
                    sinks:
                      - {datastore: crm, dataset: orders}
              """);

  @TempDir Path dir;
  private ModelRepo repo;

  @BeforeEach
  void init() throws Exception {
    repo = ModelRepo.init(dir);
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private static Tree deprecateOrders(Tree tree) {
    return tree.edit(CRM_FILE, "- name: orders\n", "- name: orders\n      deprecated: true\n");
  }

  private static Tree allowDeprecations(Tree tree) {
    return tree.edit(
            CHURN_FILE,
            "{datastore: crm, dataset: orders}",
            "{datastore: crm, dataset: orders, deprecationsAllowed: true}")
        .edit(
            LEDGER_FILE,
            "{datastore: crm, dataset: orders}",
            "{datastore: crm, dataset: orders, deprecationsAllowed: true}");
  }

  private static List<Diagnostic> errors(Report report) {
    return report.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  /** The {@code deprecation} findings of a report, as {@code severity message}. */
  private static List<Diagnostic> deprecations(Report report) {
    return report.diagnostics().stream().filter(d -> d.rule().equals("deprecation")).toList();
  }

  @Test
  void deprecatingWithoutConsentFailsOncePerSinkNamingWorkspaceTeamAndRepository()
      throws Exception {
    String live = repo.commit(LIVE);
    Tree head = deprecateOrders(LIVE);
    Report report = repo.validate(live, repo.commit(head), PRODUCER, false);

    assertThat(errors(report)).extracting(Diagnostic::rule).containsOnly("deprecation");
    List<Diagnostic> refused = deprecations(report);
    assertThat(refused)
        .extracting(Diagnostic::message)
        .containsExactlyInAnyOrder(
            "Workspace 'churn' of team 'analytics' (acme/analytics@main) sinks dataset"
                + " 'crm.orders', but dataset 'crm.orders' is deprecated",
            "Workspace 'ledger' of team 'finance' (acme/finance@main) sinks dataset"
                + " 'crm.orders', but dataset 'crm.orders' is deprecated");
    assertThat(refused)
        .extracting(Diagnostic::hint)
        .contains(
            "team 'analytics' (acme/analytics@main) should move to its replacement (ask team"
                + " 'sales') or write deprecationsAllowed: true on this sink to accept it for now");
    assertThat(refused)
        .extracting(d -> at(d))
        .containsExactlyInAnyOrder(
            "model/" + CHURN_FILE + ":" + head.lineOf(CHURN_FILE, "dataset: orders}"),
            "model/" + LEDGER_FILE + ":" + head.lineOf(LEDGER_FILE, "dataset: orders}"));
  }

  @Test
  void deprecatingAWholeDatastoreNeedsConsentOfEverySinkOnIt() throws Exception {
    String live = repo.commit(LIVE);
    Tree head = LIVE.edit(CRM_FILE, "spec:\n", "spec:\n  deprecated: true\n");
    Report report = repo.validate(live, repo.commit(head), PRODUCER, false);

    assertThat(deprecations(report))
        .extracting(Diagnostic::message)
        .allMatch(m -> m.endsWith(", but datastore 'crm' is deprecated"))
        .hasSize(3);
    assertThat(errors(report)).hasSize(3);
  }

  @Test
  void allowingBreakingChangesTurnsTheRefusalsIntoMarkedWarnings() throws Exception {
    String live = repo.commit(LIVE);
    Report report = repo.validate(live, repo.commit(deprecateOrders(LIVE)), PRODUCER, true);

    assertThat(report.errors()).isZero();
    assertThat(deprecations(report))
        .hasSize(2)
        .allSatisfy(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.message())
                  .startsWith(ChangeValidator.ALLOWED_PREFIX + "Workspace '")
                  .endsWith("but dataset 'crm.orders' is deprecated");
            });
  }

  @Test
  void theFourStepsEachPassAndDeprecatingEarlyFailsNamingEachConsumer() throws Exception {
    String live = repo.commit(LIVE);

    // 0. Deprecating before the consumers agree fails, naming each consumer and its repository.
    Report tooEarly = repo.validate(live, repo.commit(deprecateOrders(LIVE)), PRODUCER, false);
    assertThat(errors(tooEarly))
        .extracting(Diagnostic::message)
        .containsExactlyInAnyOrder(
            "Workspace 'churn' of team 'analytics' (acme/analytics@main) sinks dataset"
                + " 'crm.orders', but dataset 'crm.orders' is deprecated",
            "Workspace 'ledger' of team 'finance' (acme/finance@main) sinks dataset"
                + " 'crm.orders', but dataset 'crm.orders' is deprecated");

    // 1. Each consumer agrees, from its own repository.
    Tree agreedByChurn =
        LIVE.edit(
            CHURN_FILE,
            "{datastore: crm, dataset: orders}",
            "{datastore: crm, dataset: orders, deprecationsAllowed: true}");
    String step1a = repo.commit(agreedByChurn);
    assertThat(repo.validate(live, step1a, "acme/analytics@main", false).diagnostics()).isEmpty();
    Tree agreed = allowDeprecations(LIVE);
    String step1b = repo.commit(agreed);
    assertThat(repo.validate(step1a, step1b, "acme/finance@main", false).diagnostics()).isEmpty();

    // 2. The producer deprecates the dataset: every sink on it has agreed, so only warnings.
    Tree deprecated = deprecateOrders(agreed);
    String step2 = repo.commit(deprecated);
    Report deprecating = repo.validate(step1b, step2, PRODUCER, false);
    assertThat(errors(deprecating)).isEmpty();
    assertThat(deprecations(deprecating))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.WARNING, Severity.WARNING);

    // 3. The consumers remove their sinks (finance drops its whole workspace).
    Tree churnUnsunk =
        deprecated.edit(
            CHURN_FILE,
            "\n        - {datastore: crm, dataset: orders, deprecationsAllowed: true}",
            "");
    String step3a = repo.commit(churnUnsunk);
    assertThat(errors(repo.validate(step2, step3a, "acme/analytics@main", false))).isEmpty();
    Tree unsunk = churnUnsunk.remove(LEDGER_FILE);
    String step3b = repo.commit(unsunk);
    assertThat(errors(repo.validate(step3a, step3b, "acme/finance@main", false))).isEmpty();

    // 4. Nobody sinks it any more: the producer removes it.
    Tree removed =
        unsunk.edit(
            CRM_FILE,
            ORDERS.replace("name: orders\n", "name: orders\n      deprecated: true\n"),
            "");
    String step4 = repo.commit(removed);
    assertThat(repo.validate(step3b, step4, PRODUCER, false).diagnostics()).isEmpty();
  }

  @Test
  void removingTheDatasetWhileASinkRemainsStillFails() throws Exception {
    Tree deprecated = deprecateOrders(allowDeprecations(LIVE));
    String step2 = repo.commit(deprecated);
    Tree removedTooEarly =
        deprecated.edit(
            CRM_FILE,
            ORDERS.replace("name: orders\n", "name: orders\n      deprecated: true\n"),
            "");
    Report report = repo.validate(step2, repo.commit(removedTooEarly), PRODUCER, false);

    assertThat(changeErrors(report)).containsExactly("dataset-removed");
    assertThat(report.diagnostics())
        .filteredOn(d -> d.rule().equals("dataset-removed"))
        .singleElement()
        .extracting(Diagnostic::message)
        .isEqualTo(
            "Cannot remove dataset 'crm.orders': it breaks workspace 'churn' (team analytics) and"
                + " workspace 'ledger' (team finance), still sinking it");
  }
}
