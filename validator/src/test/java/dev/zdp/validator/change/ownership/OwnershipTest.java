package dev.zdp.validator.change.ownership;

import static dev.zdp.validator.change.Acme.CHURN_FILE;
import static dev.zdp.validator.change.Acme.CRM;
import static dev.zdp.validator.change.Acme.CRM_FILE;
import static dev.zdp.validator.change.Acme.ECOSYSTEM_FILE;
import static dev.zdp.validator.change.Acme.SALES_FILE;
import static dev.zdp.validator.change.Acme.ZONE_FILE;
import static dev.zdp.validator.change.ChangeReports.at;
import static dev.zdp.validator.change.ChangeReports.changeErrors;
import static dev.zdp.validator.change.ChangeReports.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.Severity;
import dev.zdp.validator.change.Acme;
import dev.zdp.validator.change.ModelRepo;
import dev.zdp.validator.change.Tree;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may change what, judged on real git commits of the Acme model. */
class OwnershipTest {

  /** A harmless change to team sales' datastore: a longer email column. */
  private static final Tree SALES_CHANGE =
      Acme.model().edit(CRM_FILE, "varchar(320)", "varchar(400)");

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

  private Report propose(Tree head, String changeSource) throws Exception {
    return repo.validate(base, repo.commit(head), changeSource, false);
  }

  @Test
  void theOwningTeamChangesItsDatastore() throws Exception {
    assertThat(propose(SALES_CHANGE, "acme/sales@main").diagnostics()).isEmpty();
  }

  @Test
  void ownerAndNameCompareIgnoringCase() throws Exception {
    assertThat(propose(SALES_CHANGE, "ACME/Sales@main").diagnostics()).isEmpty();
  }

  @Test
  void theBranchComparesExactly() throws Exception {
    Report report = propose(SALES_CHANGE, "acme/sales@Main");

    assertThat(changeErrors(report)).containsExactly("change-source-owns-nothing", "ownership");
    assertThat(only(report, "change-source-owns-nothing").hint())
        .isEqualTo(
            "the branch is part of a repository's identity: raise the pull request from"
                + " acme/sales@main, the branch the declaration names");
  }

  @Test
  void aForkOwnsNothingAndIsToldWhoOwnsWhat() throws Exception {
    Report report = propose(SALES_CHANGE, "Other/Repo@main");

    assertThat(changeErrors(report)).containsExactly("change-source-owns-nothing", "ownership");
    assertThat(only(report, "change-source-owns-nothing").message())
        .isEqualTo(
            "Change source Other/Repo@main owns nothing in this model; the repositories that own"
                + " parts of it are acme/americas@main, acme/analytics@main, acme/data-model@main,"
                + " acme/sales@main");
    Diagnostic ownership = only(report, "ownership");
    assertThat(ownership.message())
        .isEqualTo(
            "Cannot change Datastore 'crm' from Other/Repo@main: it belongs to team 'sales',"
                + " owned by acme/sales@main");
    assertThat(ownership.hint())
        .isEqualTo(
            "ask the owner to raise a pull request from acme/sales@main, or leave Datastore 'crm'"
                + " out of this change");
    assertThat(at(ownership))
        .isEqualTo("model/" + CRM_FILE + ":" + SALES_CHANGE.lineOf(CRM_FILE, "name: crm"));
  }

  @Test
  void aChangeAcrossOwnersIsOneErrorPerObjectItMayNotTouch() throws Exception {
    Tree head =
        SALES_CHANGE.edit(
            CHURN_FILE,
            "{datastore: crm, dataset: orders}",
            "{datastore: crm, dataset: orders, deprecationsAllowed: true}");
    Report report = propose(head, "acme/sales@main");

    assertThat(changeErrors(report)).containsExactly("ownership");
    assertThat(only(report, "ownership").message())
        .isEqualTo(
            "Cannot change Workspace 'churn' from acme/sales@main: it belongs to team"
                + " 'analytics', owned by acme/analytics@main");
  }

  @Test
  void movingAnObjectToAnotherFileIsNoChange() throws Exception {
    Tree head = Acme.model().remove(CRM_FILE).put("americas/sales/stores/crm-database.yaml", CRM);

    assertThat(propose(head, "acme/analytics@main").diagnostics()).isEmpty();
  }

  @Test
  void theEcosystemRepositoryOwnsTheEcosystemDocument() throws Exception {
    Tree head =
        Acme.model()
            .edit(
                ECOSYSTEM_FILE,
                "repository: acme/data-model@main",
                "repository: acme/data-model@main\n  liveBranch: live");

    assertThat(propose(head, "acme/data-model@main").diagnostics()).isEmpty();
    Report fromZone = propose(head, "acme/americas@main");
    assertThat(changeErrors(fromZone)).containsExactly("ownership");
    assertThat(only(fromZone, "ownership").message())
        .isEqualTo(
            "Cannot change Ecosystem 'acme' from acme/americas@main: it belongs to the ecosystem"
                + " 'acme', owned by acme/data-model@main");
  }

  @Test
  void aDeclarationAddedByTheChangeCountsForThatChange() throws Exception {
    Tree head =
        Acme.model()
            .edit(
                ECOSYSTEM_FILE,
                "- {name: americas, repository: acme/americas@main}",
                "- {name: americas, repository: acme/americas@main}\n"
                    + "    - {name: emea, repository: ACME/Data-Model@main}")
            .put(
                "emea/zone.yaml",
                """
                apiVersion: zdp/v1
                kind: Zone
                metadata: {name: emea}
                """);

    assertThat(propose(head, "acme/data-model@main").diagnostics()).isEmpty();
    Report fromZone = propose(head, "acme/americas@main");
    assertThat(changeErrors(fromZone)).containsExactly("ownership", "ownership");
    assertThat(fromZone.diagnostics())
        .extracting(Diagnostic::message)
        .contains(
            "Cannot add Zone 'emea' from acme/americas@main: it belongs to zone 'emea', owned by"
                + " ACME/Data-Model@main");
  }

  @Test
  void theZoneRepositoryOwnsTheZoneDocument() throws Exception {
    Tree head = Acme.model().edit(ZONE_FILE, "deny: [secret]", "deny: [secret, restricted]");

    assertThat(propose(head, "acme/americas@main").diagnostics()).isEmpty();
    Report fromTeam = propose(head, "acme/sales@main");
    assertThat(changeErrors(fromTeam)).containsExactly("ownership");
    assertThat(only(fromTeam, "ownership").message())
        .endsWith("it belongs to zone 'americas', owned by acme/americas@main");
  }

  @Test
  void theTeamRepositoryOwnsTheTeamDocument() throws Exception {
    Tree head =
        Acme.model()
            .edit(
                SALES_FILE,
                "metadata: {name: sales, zone: americas}",
                "metadata: {name: sales, zone: americas, description: We sell}");

    assertThat(propose(head, "acme/sales@main").diagnostics()).isEmpty();
    Report fromZone = propose(head, "acme/americas@main");
    assertThat(changeErrors(fromZone)).containsExactly("ownership");
    assertThat(only(fromZone, "ownership").message())
        .isEqualTo(
            "Cannot change Team 'sales' from acme/americas@main: it belongs to team 'sales', owned"
                + " by acme/sales@main");
  }

  @Test
  void addingADatastoreNeedsItsTeamsRepository() throws Exception {
    Tree head =
        Acme.model()
            .put(
                "americas/sales/billing.yaml",
                """
                apiVersion: zdp/v1
                kind: Datastore
                metadata: {name: billing, team: sales}
                spec:
                  capture: {type: postgres-cdc, host: billing-db, database: billing, credential: billing_db}
                  datasets:
                    - name: invoices
                      classifications: [internal]
                      columns:
                        - {name: invoice_id, type: bigint, nullable: false, primaryKey: true}
                """);

    assertThat(propose(head, "acme/sales@main").diagnostics()).isEmpty();
    Report fromAnalytics = propose(head, "acme/analytics@main");
    assertThat(changeErrors(fromAnalytics)).containsExactly("ownership");
    assertThat(only(fromAnalytics, "ownership").message())
        .startsWith("Cannot add Datastore 'billing' from acme/analytics@main");
  }

  @Test
  void removingAnObjectIsReportedAtItsOldLine() throws Exception {
    Tree head = Acme.model().remove(CHURN_FILE);

    assertThat(propose(head, "acme/analytics@main").diagnostics()).isEmpty();
    Report fromSales = propose(head, "acme/sales@main");
    assertThat(changeErrors(fromSales)).containsExactly("ownership");
    Diagnostic d = only(fromSales, "ownership");
    assertThat(d.message()).startsWith("Cannot remove Workspace 'churn' from acme/sales@main");
    assertThat(at(d))
        .isEqualTo("model/" + CHURN_FILE + ":" + Acme.model().lineOf(CHURN_FILE, "name: churn"));
  }

  @Test
  void withoutAChangeSourceOwnershipIsNotChecked() throws Exception {
    Tree head = SALES_CHANGE.edit(ZONE_FILE, "deny: [secret]", "deny: [secret, restricted]");

    assertThat(propose(head, null).diagnostics()).isEmpty();
  }

  @Test
  void addingATeamTakesTheZonesPullRequestThenTheTeams() throws Exception {
    // Step 1: the zone declares the team. The team's own documents do not exist yet.
    Tree declared =
        Acme.model()
            .edit(
                ZONE_FILE,
                "- {name: analytics, repository: acme/analytics@main}",
                "- {name: analytics, repository: acme/analytics@main}\n"
                    + "    - {name: finance, repository: acme/finance@main}");
    Report byFinance = propose(declared, "acme/finance@main");
    assertThat(changeErrors(byFinance)).containsExactly("change-source-owns-nothing", "ownership");
    String step1 = repo.commit(declared);
    Report byZone = repo.validate(base, step1, "acme/americas@main", false);
    assertThat(byZone.errors()).isZero();
    assertThat(byZone.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("team-declaration");
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.message()).contains("finance");
            });

    // Step 2: the team defines itself and its first datastore, from its own repository.
    Tree defined =
        declared
            .put(
                "americas/finance/team.yaml",
                """
                apiVersion: zdp/v1
                kind: Team
                metadata: {name: finance, zone: americas}
                """)
            .put(
                "americas/finance/ledger.yaml",
                """
                apiVersion: zdp/v1
                kind: Datastore
                metadata: {name: ledger, team: finance}
                spec:
                  capture: {type: postgres-cdc, host: ledger-db, database: ledger, credential: ledger_db}
                  datasets:
                    - name: entries
                      classifications: [internal]
                      columns:
                        - {name: entry_id, type: bigint, nullable: false, primaryKey: true}
                """);
    String step2 = repo.commit(defined);
    assertThat(repo.validate(step1, step2, "acme/finance@main", false).diagnostics()).isEmpty();

    // Defining the team before the zone declares it is refused: nobody named acme/finance@main.
    Report tooEarly = repo.validate(base, step2, "acme/finance@main", false);
    assertThat(changeErrors(tooEarly)).contains("change-source-owns-nothing", "ownership");
  }

  @Test
  void theFirstModelComesOnlyFromTheEcosystemRepository() throws Exception {
    String nothing = repo.commitNothing();
    String first = repo.commit(Acme.model());

    assertThat(repo.validate(nothing, first, "acme/data-model@main", false).diagnostics())
        .isEmpty();
    assertThat(repo.validate(nothing, first, "Acme/Data-Model@main", false).diagnostics())
        .isEmpty();
    assertThat(repo.validate(nothing, first, null, false).diagnostics()).isEmpty();
    Report bySales = repo.validate(nothing, first, "acme/sales@main", false);
    assertThat(changeErrors(bySales)).containsExactly("first-model-source");
    Diagnostic d = only(bySales, "first-model-source");
    assertThat(d.severity()).isEqualTo(Severity.ERROR);
    assertThat(d.message())
        .isEqualTo(
            "Cannot create the first model from acme/sales@main: its Ecosystem 'acme' declares"
                + " acme/data-model@main as its repository");
    assertThat(at(d))
        .isEqualTo(
            "model/"
                + ECOSYSTEM_FILE
                + ":"
                + Acme.model().lineOf(ECOSYSTEM_FILE, "repository: acme/data-model@main"));
  }
}
