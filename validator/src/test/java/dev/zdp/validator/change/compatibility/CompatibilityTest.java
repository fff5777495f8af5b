package dev.zdp.validator.change.compatibility;

import static dev.zdp.validator.change.Acme.CRM_FILE;
import static dev.zdp.validator.change.ChangeReports.at;
import static dev.zdp.validator.change.ChangeReports.changeErrors;
import static dev.zdp.validator.change.ChangeReports.changeFindings;
import static dev.zdp.validator.change.ChangeReports.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.validator.Diagnostic;
import dev.zdp.validator.Report;
import dev.zdp.validator.change.Acme;
import dev.zdp.validator.change.ModelRepo;
import dev.zdp.validator.change.Tree;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backwards compatibility of consumed datasets: each case is a head commit on top of the Acme base
 * in a real git repository, proposed by the producing team (acme/sales@main).
 */
class CompatibilityTest {

  private static final String PRODUCER = "acme/sales@main";
  private static final String FILE = "model/" + CRM_FILE;

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

  private Report propose(Tree head) throws Exception {
    return repo.validate(base, repo.commit(head), PRODUCER, false);
  }

  private static Tree crm(String from, String to) {
    return Acme.model().edit(CRM_FILE, from, to);
  }

  private static Arguments allowed(String name, UnaryOperator<Tree> change) {
    return Arguments.of(name, change.apply(Acme.model()));
  }

  static Stream<Arguments> allowedChanges() {
    return Stream.of(
        allowed(
            "add a nullable column",
            t ->
                t.edit(
                    CRM_FILE,
                    "{name: country, type: char(2)}",
                    "{name: country, type: char(2)}\n        - {name: segment, type: text}")),
        allowed(
            "integer → bigint",
            t -> t.edit(CRM_FILE, "{name: visits, type: integer}", "{name: visits, type: bigint}")),
        allowed(
            "real → double",
            t -> t.edit(CRM_FILE, "{name: score, type: real}", "{name: score, type: double}")),
        allowed(
            "decimal precision at the same scale",
            t -> t.edit(CRM_FILE, "decimal(12,2)", "decimal(14,2)")),
        allowed("char(2) → char(3)", t -> t.edit(CRM_FILE, "char(2)", "char(3)")),
        allowed("char(2) → varchar(2)", t -> t.edit(CRM_FILE, "char(2)", "varchar(2)")),
        allowed(
            "varchar(320) → varchar(400)", t -> t.edit(CRM_FILE, "varchar(320)", "varchar(400)")),
        allowed("varchar → text", t -> t.edit(CRM_FILE, "varchar(320)", "text")),
        allowed("char → text", t -> t.edit(CRM_FILE, "char(2)", "text")),
        allowed(
            "add a classification the zone allows",
            t -> t.edit(CRM_FILE, "classifications: [pii]", "classifications: [pii, gdpr]")),
        allowed(
            "documentation",
            t ->
                t.edit(
                        CRM_FILE,
                        "metadata: {name: crm, team: sales}",
                        "metadata: {name: crm, team: sales, description: The CRM}")
                    .edit(
                        CRM_FILE,
                        "- name: customers",
                        "- name: customers\n      description: People who buy")
                    .edit(
                        CRM_FILE,
                        "{name: email, type: varchar(320)}",
                        "{name: email, type: varchar(320), description: Where we write}")),
        allowed(
            "rotate the credential",
            t -> t.edit(CRM_FILE, "credential: crm_db", "credential: crm_db_v2")),
        allowed(
            "remove a column nobody consumes",
            t -> t.edit(CRM_FILE, "\n        - {name: body, type: varchar(100)}", "")),
        allowed(
            "narrow a column nobody consumes",
            t ->
                t.edit(
                    CRM_FILE,
                    "{name: body, type: varchar(100)}",
                    "{name: body, type: varchar(10), nullable: false}")),
        allowed(
            "change the key of a dataset nobody consumes",
            t ->
                t.edit(
                    CRM_FILE,
                    "{name: note_id, type: bigint, nullable: false, primaryKey: true}",
                    "{name: note_id, type: text, nullable: false, primaryKey: true}")),
        allowed(
            "remove a dataset nobody consumes",
            t ->
                t.edit(
                    CRM_FILE,
                    """
                        - name: notes
                          classifications: [internal]
                          columns:
                            - {name: note_id, type: bigint, nullable: false, primaryKey: true}
                            - {name: body, type: varchar(100)}
                    """,
                    "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowedChanges")
  void allowedChangePasses(String name, Tree head) throws Exception {
    Report report = propose(head);

    assertThat(report.diagnostics()).as(name).isEmpty();
  }

  @Test
  void removedColumnIsReportedAtItsOldLineNamingTheConsumer() throws Exception {
    Report report = propose(crm("\n        - {name: email, type: varchar(320)}", ""));

    assertThat(changeErrors(report)).containsExactly("column-removed");
    Diagnostic d = only(report, "column-removed");
    assertThat(at(d)).isEqualTo(FILE + ":" + Acme.model().lineOf(CRM_FILE, "name: email"));
    assertThat(d.message())
        .isEqualTo(
            "Cannot remove column 'crm.customers.email' (varchar(320) → removed): it breaks"
                + " workspace 'churn' (team analytics), which sinks it");
    assertThat(d.hint()).contains("deprecat");
  }

  @Test
  void renamedColumnIsARemovalWithARenameHint() throws Exception {
    Report report = propose(crm("{name: email,", "{name: email_address,"));

    assertThat(changeErrors(report)).containsExactly("column-removed");
    assertThat(only(report, "column-removed").hint())
        .isEqualTo(
            "a rename is a removal for consumers: keep 'email' and add 'email_address' beside it as"
                + " a new nullable column");
  }

  @Test
  void narrowedTypeIsReportedAtTheNewType() throws Exception {
    Tree head = crm("varchar(320)", "varchar(100)");
    Report report = propose(head);

    assertThat(changeErrors(report)).containsExactly("column-type-narrowed");
    Diagnostic d = only(report, "column-type-narrowed");
    assertThat(at(d)).isEqualTo(FILE + ":" + head.lineOf(CRM_FILE, "name: email"));
    assertThat(d.message())
        .startsWith("Cannot narrow column 'crm.customers.email' from varchar(320) to varchar(100)")
        .endsWith("it breaks workspace 'churn' (team analytics), which sinks it");
  }

  @Test
  void narrowingAnIntegerIsRejected() throws Exception {
    Report report =
        propose(crm("{name: customer_id, type: bigint,", "{name: customer_id, type: integer,"));

    assertThat(changeErrors(report)).containsExactly("column-type-narrowed");
    assertThat(only(report, "column-type-narrowed").message())
        .contains("'crm.orders.customer_id' from bigint to integer");
  }

  @Test
  void anyOtherTypeChangeIsRejected() throws Exception {
    Report report = propose(crm("{name: visits, type: integer}", "{name: visits, type: text}"));

    assertThat(changeErrors(report))
        .containsExactly("column-type-changed", "zero-schema-evolution");
    assertThat(only(report, "column-type-changed").message())
        .startsWith("Cannot change the type of column 'crm.customers.visits' from integer to text");
    assertThat(only(report, "column-type-changed").hint())
        .isEqualTo("keep integer and add a new nullable column of type text beside it");
  }

  @Test
  void makingAColumnNotNullableIsRejected() throws Exception {
    Report report =
        propose(
            crm(
                "{name: email, type: varchar(320)}",
                "{name: email, type: varchar(320), nullable: false}"));

    assertThat(changeErrors(report)).containsExactly("column-nullability-changed");
    assertThat(only(report, "column-nullability-changed").message())
        .startsWith(
            "Cannot make column 'crm.customers.email' not nullable (nullable → nullable: false)");
  }

  @Test
  void makingAColumnNullableIsRejected() throws Exception {
    Report report =
        propose(
            crm(
                "{name: customer_id, type: bigint, nullable: false}",
                "{name: customer_id, type: bigint}"));

    assertThat(changeErrors(report)).containsExactly("column-nullability-changed");
    assertThat(only(report, "column-nullability-changed").message())
        .startsWith(
            "Cannot make column 'crm.orders.customer_id' nullable (nullable: false → nullable)");
  }

  @Test
  void addingANotNullableColumnIsRejectedAtTheNewColumn() throws Exception {
    Tree head =
        crm(
            "{name: country, type: char(2)}",
            "{name: country, type: char(2)}\n        - {name: segment, type: text, nullable: false}");
    Report report = propose(head);

    assertThat(changeErrors(report)).containsExactly("column-added-not-nullable");
    Diagnostic d = only(report, "column-added-not-nullable");
    assertThat(at(d)).isEqualTo(FILE + ":" + head.lineOf(CRM_FILE, "name: segment"));
    assertThat(d.hint()).isEqualTo("add it as nullable (remove `nullable: false`)");
  }

  @Test
  void changingThePrimaryKeyIsRejected() throws Exception {
    Report report =
        propose(
            crm(
                "{name: customer_id, type: bigint, nullable: false}",
                "{name: customer_id, type: bigint, nullable: false, primaryKey: true}"));

    assertThat(changeErrors(report))
        .containsExactly("primary-key-changed", "zero-primary-key-changed");
    assertThat(only(report, "primary-key-changed").message())
        .startsWith(
            "Cannot change the primary key of dataset 'crm.orders' from [order_id] to [order_id,"
                + " customer_id]");
  }

  @Test
  void removingAConsumedDatasetIsReportedAtItsOldLine() throws Exception {
    Report report =
        propose(
            crm(
                """
                    - name: orders
                      classifications: [internal]
                      columns:
                        - {name: order_id, type: bigint, nullable: false, primaryKey: true}
                        - {name: customer_id, type: bigint, nullable: false}
                """,
                ""));

    assertThat(changeErrors(report)).containsExactly("dataset-removed");
    Diagnostic d = only(report, "dataset-removed");
    assertThat(at(d)).isEqualTo(FILE + ":" + Acme.model().lineOf(CRM_FILE, "name: orders"));
    assertThat(d.message())
        .isEqualTo(
            "Cannot remove dataset 'crm.orders': it breaks workspace 'churn' (team analytics),"
                + " still sinking it");
  }

  @Test
  void removingAConsumedDatastoreIsReportedAtItsOldFile() throws Exception {
    Report report = propose(Acme.model().remove(CRM_FILE));

    assertThat(changeErrors(report)).containsExactly("datastore-removed");
    Diagnostic d = only(report, "datastore-removed");
    assertThat(at(d)).isEqualTo(FILE + ":" + Acme.model().lineOf(CRM_FILE, "name: crm"));
    assertThat(d.message()).endsWith("still sinking crm.customers, crm.orders");
  }

  @Test
  void changingTheTableRepointsTheDataset() throws Exception {
    Report report =
        propose(crm("- name: customers", "- name: customers\n      table: public.clients"));

    assertThat(changeErrors(report)).containsExactly("source-repointed");
    assertThat(only(report, "source-repointed").message())
        .startsWith(
            "Cannot re-point dataset 'crm.customers' (table public.customers → public.clients)");
  }

  @Test
  void changingTheCaptureHostOrDatabaseRepointsTheDatastore() throws Exception {
    Tree head =
        crm("host: crm-db.internal", "host: crm-db-2.internal")
            .edit(CRM_FILE, "database: crm", "database: crm2\n    port: 5433");
    Report report = propose(head);

    assertThat(changeErrors(report))
        .containsExactly("source-repointed", "source-repointed", "source-repointed");
    assertThat(changeFindings(report))
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("(capture.host crm-db.internal → crm-db-2.internal)"))
        .anyMatch(m -> m.contains("(capture.database crm → crm2)"))
        .anyMatch(m -> m.contains("(capture.port 5432 → 5433)"));
    assertThat(changeFindings(report))
        .extracting(ChangeReportsAt::line)
        .contains(head.lineOf(CRM_FILE, "host:"), head.lineOf(CRM_FILE, "database:"));
  }

  @Test
  void addingAClassificationTheConsumersZoneDeniesIsRejected() throws Exception {
    Report report = propose(crm("classifications: [pii]", "classifications: [pii, secret]"));

    assertThat(changeErrors(report)).containsExactly("classification-added-not-allowed");
    assertThat(only(report, "classification-added-not-allowed").message())
        .isEqualTo(
            "Cannot add classification 'secret' to dataset 'crm.customers': zone 'americas' does"
                + " not allow it, and its workspace 'churn' (team analytics) sinks the dataset");
  }

  @Test
  void integerToDecimalIsALogicalWideningZeroCannotApply() throws Exception {
    Report report =
        propose(crm("{name: visits, type: integer}", "{name: visits, type: \"decimal(10,0)\"}"));

    assertThat(changeErrors(report)).containsExactly("zero-schema-evolution");
    assertThat(only(report, "zero-schema-evolution").message())
        .startsWith(
            "Cannot change column 'crm.customers.visits' from integer to decimal(10,0) on Zero,"
                + " even as an allowed breaking change: its Iceberg tables cannot change int to"
                + " decimal(10,0) in place");
  }

  @Test
  void decimalScaleChangeIsALogicalWideningZeroCannotApply() throws Exception {
    Report report = propose(crm("decimal(12,2)", "decimal(13,3)"));

    assertThat(changeErrors(report)).containsExactly("zero-schema-evolution");
  }

  @Test
  void aGroupStatingRequirementsIsOnZeroWhenTheIntentionGraphAssignsItThere() throws Exception {
    Tree live =
        Acme.model().edit(Acme.CHURN_FILE, "platform: zero", "requirements: {milestoning: live}");
    String liveCommit = repo.commit(live);
    Tree head =
        live.edit(
            CRM_FILE, "{name: visits, type: integer}", "{name: visits, type: \"decimal(10,0)\"}");
    Report report = repo.validate(liveCommit, repo.commit(head), PRODUCER, false);

    assertThat(changeErrors(report)).containsExactly("zero-schema-evolution");
  }

  @Test
  void aConsumerThatDropsItsSinkInTheSameChangeStillCounts() throws Exception {
    Tree head =
        crm("\n        - {name: email, type: varchar(320)}", "")
            .edit(Acme.CHURN_FILE, "\n        - {datastore: crm, dataset: customers}", "");
    Report report = repo.validate(base, repo.commit(head), null, false);

    assertThat(changeErrors(report)).containsExactly("column-removed");
  }

  /** The line of a diagnostic. */
  private static final class ChangeReportsAt {
    static int line(Diagnostic d) {
      return d.location().orElseThrow().line();
    }
  }
}
