package dev.zdp.generator.plan;

import static dev.zdp.generator.TestModels.column;
import static dev.zdp.generator.TestModels.dataset;
import static dev.zdp.generator.TestModels.datastore;
import static dev.zdp.generator.TestModels.ecosystem;
import static dev.zdp.generator.TestModels.group;
import static dev.zdp.generator.TestModels.key;
import static dev.zdp.generator.TestModels.model;
import static dev.zdp.generator.TestModels.sink;
import static dev.zdp.generator.TestModels.workspace;
import static dev.zdp.generator.TestModels.zero;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zdp.generator.Generator;
import dev.zdp.generator.TestModels;
import dev.zdp.model.Capture;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static final Generator GENERATOR = new Generator();

  private static Plan plan(Model base, Model head) {
    return Planner.plan(base, head, GENERATOR, Optional.empty(), Optional.empty());
  }

  private static PlannedChange change(Plan plan, Action action, String address) {
    return plan.with(action).stream()
        .filter(c -> c.address().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError(action + " " + address + " not in " + plan));
  }

  private static Datastore crm(String slot) {
    Datastore d =
        datastore(
            "crm",
            dataset("customers", key("id"), column("email", "text")),
            dataset("orders", key("id")));
    Capture c = d.capture();
    return new Datastore(
        d.name(),
        d.team(),
        "",
        d.productionStatus(),
        false,
        new Capture(
            c.type(),
            c.host(),
            c.port(),
            c.database(),
            c.credential(),
            Optional.ofNullable(slot),
            Optional.empty()),
        d.datasets());
  }

  private static Model withSinks(Platform platform, Datastore crm, String... datasets) {
    return model(
        ecosystem(platform),
        List.of(
            crm,
            workspace(
                "churn",
                group(
                    "feed",
                    "zero",
                    java.util.Arrays.stream(datasets)
                        .map(d -> sink("crm", d))
                        .toArray(dev.zdp.model.Sink[]::new)))));
  }

  private static Platform partitions(int partitions) {
    Platform z = zero();
    return new Platform(
        z.name(),
        z.type(),
        "",
        new Platform.KafkaSettings("kafka:9092", partitions, 1, false, Optional.empty()),
        z.connect(),
        z.iceberg());
  }

  @Test
  void theSameModelPlansNothing() {
    Plan plan = plan(TestModels.acme(), TestModels.acme(TestModels.shuffled(3)));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(PlanRenderer.markdown(plan)).contains("No changes");
  }

  @Test
  void aNewlySunkDatasetAddsItsTopicAndMergeJobAndChangesTheConnectors() {
    Plan plan =
        plan(
            withSinks(zero(), crm(null), "customers"),
            withSinks(zero(), crm(null), "customers", "orders"));

    assertThat(change(plan, Action.ADD, "kafka_topic.crm__orders").workspaces())
        .containsExactly("churn");
    assertThat(change(plan, Action.ADD, "zero/merge/crm/orders.sql").type()).isEqualTo("merge job");
    PlannedChange source = change(plan, Action.CHANGE, "kafka-connect_connector.crm_source");
    assertThat(source.keys())
        .extracting(KeyChange::key)
        .contains("config[\"table.include.list\"]", "depends_on");
    assertThat(source.destructive()).isFalse();
    assertThat(change(plan, Action.CHANGE, "kafka-connect_connector.crm_sink").keys())
        .extracting(KeyChange::key)
        .contains("config[\"iceberg.tables\"]", "config[\"topics\"]");
    assertThat(plan.destructive()).isEmpty();
  }

  @Test
  void aTableAddedToARunningCaptureIsCalledOutAsBackfilledNotDestructive() {
    Plan plan =
        plan(
            withSinks(zero(), crm(null), "customers"),
            withSinks(zero(), crm(null), "customers", "orders"));

    PlannedChange source = change(plan, Action.CHANGE, "kafka-connect_connector.crm_source");
    assertThat(source.callouts())
        .extracting(Callout::kind, Callout::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Callout.Kind.BACKFILL,
                "capture of table 'public.orders' starts: existing rows will be backfilled by an"
                    + " incremental snapshot (the deploy signals it through public.zdp_signal;"
                    + " no lock, the other tables are not read again)"));
    assertThat(source.destructive()).isFalse();
    assertThat(plan.destructive()).isEmpty();
    String markdown = PlanRenderer.markdown(plan);
    assertThat(markdown)
        .contains("**Capture starts**")
        .contains(
            "- `zero: kafka-connect_connector.crm_source`: capture of table 'public.orders'"
                + " starts: existing rows will be backfilled by an incremental snapshot")
        .doesNotContain("Destructive changes");
    assertThat(markdown.indexOf("Capture starts")).isLessThan(markdown.indexOf("<details>"));
    assertThat(PlanRenderer.json(plan)).contains("\"kind\" : \"backfill\"");
  }

  @Test
  void aNewDatastoreStartsWithItsInitialSnapshot() {
    Model none =
        model(ecosystem(zero()), List.of(crm(null), workspace("churn", group("feed", "zero"))));
    Plan plan = plan(none, withSinks(zero(), crm(null), "customers", "orders"));

    assertThat(change(plan, Action.ADD, "kafka-connect_connector.crm_source").callouts())
        .extracting(Callout::kind, Callout::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Callout.Kind.INITIAL_SNAPSHOT,
                "capture of table 'public.customers' starts: existing rows are read by the new"
                    + " connector's initial snapshot"),
            org.assertj.core.groups.Tuple.tuple(
                Callout.Kind.INITIAL_SNAPSHOT,
                "capture of table 'public.orders' starts: existing rows are read by the new"
                    + " connector's initial snapshot"));
    assertThat(plan.destructive()).isEmpty();
  }

  @Test
  void acceptedSchemaChangesChangeOnlyTheMergeJobWhichEvolvesTheTables() {
    Datastore before =
        datastore(
            "crm",
            dataset(
                "customers",
                key("id"),
                column("visits", "integer"),
                column("balance", "decimal(10,2)"),
                column("email", "varchar(20)")));
    Datastore after =
        datastore(
            "crm",
            dataset(
                "customers",
                key("id"),
                column("visits", "bigint"),
                column("balance", "decimal(14,2)"),
                column("email", "varchar(40)"),
                column("segment", "text")));

    Plan plan = plan(withSinks(zero(), before, "customers"), withSinks(zero(), after, "customers"));

    assertThat(plan.changes())
        .extracting(c -> c.action() + " " + c.address())
        .as("no topic or connector: the files run by Spark carry the change")
        .containsExactly("CHANGE zero/merge/crm/customers.sql", "CHANGE zero/staging/crm.sql");
    assertThat(plan.destructive()).isEmpty();
  }

  @Test
  void aTableAddedWithANewSlotIsCoveredByTheFullResnapshot() {
    Plan plan =
        plan(
            withSinks(zero(), crm(null), "customers"),
            withSinks(zero(), crm("crm_slot_v2"), "customers", "orders"));

    assertThat(change(plan, Action.CHANGE, "kafka-connect_connector.crm_source").callouts())
        .extracting(Callout::kind)
        .containsExactly(Callout.Kind.RESNAPSHOT);
  }

  @Test
  void aDatasetNoLongerSunkIsDestroyedWithItsTablesCalledOut() {
    Plan plan =
        plan(
            withSinks(zero(), crm(null), "customers", "orders"),
            withSinks(zero(), crm(null), "customers"));

    PlannedChange topic = change(plan, Action.DESTROY, "kafka_topic.crm__orders");
    assertThat(topic.callouts())
        .extracting(Callout::kind)
        .containsExactly(Callout.Kind.TOPIC_RECREATED);
    assertThat(topic.workspaces()).containsExactly("churn");
    assertThat(change(plan, Action.DESTROY, "zero/merge/crm/orders.sql").callouts())
        .extracting(Callout::kind)
        .containsExactly(Callout.Kind.TABLE_DROPPED);
    assertThat(change(plan, Action.CHANGE, "kafka-connect_connector.crm_sink").callouts())
        .extracting(Callout::message)
        .containsExactly("staging table 'staging.crm__orders' is no longer written");
  }

  @Test
  void loweringPartitionsRecreatesTopics() {
    Plan plan =
        plan(
            withSinks(partitions(6), crm(null), "customers"),
            withSinks(partitions(3), crm(null), "customers"));

    PlannedChange topic = change(plan, Action.CHANGE, "kafka_topic.crm__customers");
    assertThat(topic.keys())
        .containsExactly(new KeyChange("partitions", Optional.of("6"), Optional.of("3")));
    assertThat(topic.callouts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(Callout.Kind.TOPIC_RECREATED);
              assertThat(c.message()).contains("lowered from 6 to 3");
            });
  }

  /** Two datastores read by two workspaces: churn reads crm.customers, billing the rest. */
  private static Model consumed(Platform platform, String customersColumn, String invoiceColumn) {
    return model(
        ecosystem(platform),
        List.of(
            datastore(
                "crm",
                dataset("customers", key("id"), column(customersColumn, "text")),
                dataset("orders", key("id"))),
            datastore("erp", dataset("invoices", key("id"), column(invoiceColumn, "text"))),
            workspace("churn", group("feed", "zero", sink("crm", "customers"))),
            workspace(
                "billing",
                group("books", "zero", sink("crm", "orders"), sink("erp", "invoices")))));
  }

  @Test
  void everyChangeNamesTheWorkspacesThatConsumeWhatItChanges() {
    Plan plan =
        plan(consumed(partitions(3), "email", "total"), consumed(partitions(2), "phone", "tax"));

    assertThat(change(plan, Action.CHANGE, "kafka_topic.crm__customers").workspaces())
        .containsExactly("churn");
    assertThat(change(plan, Action.CHANGE, "kafka_topic.crm__orders").workspaces())
        .containsExactly("billing");
    assertThat(change(plan, Action.CHANGE, "kafka_topic.erp__invoices").workspaces())
        .containsExactly("billing");
    assertThat(change(plan, Action.CHANGE, "zero/merge/crm/customers.sql").workspaces())
        .containsExactly("churn");
    assertThat(change(plan, Action.CHANGE, "zero/merge/erp/invoices.sql").workspaces())
        .containsExactly("billing");
    assertThat(change(plan, Action.CHANGE, "zero/staging/crm.sql").workspaces())
        .containsExactly("billing", "churn");
    assertThat(change(plan, Action.CHANGE, "zero/staging/erp.sql").workspaces())
        .containsExactly("billing");
    assertThat(plan.changes())
        .allSatisfy(c -> assertThat(c.workspaces()).isNotEmpty().isSubsetOf("billing", "churn"));
  }

  @Test
  void raisingPartitionsIsNotDestructive() {
    Plan plan =
        plan(
            withSinks(partitions(3), crm(null), "customers"),
            withSinks(partitions(6), crm(null), "customers"));

    assertThat(change(plan, Action.CHANGE, "kafka_topic.crm__customers").destructive()).isFalse();
  }

  @Test
  void aNewSlotMeansAResnapshot() {
    Plan plan =
        plan(
            withSinks(zero(), crm(null), "customers"),
            withSinks(zero(), crm("crm_slot_v2"), "customers"));

    PlannedChange source = change(plan, Action.CHANGE, "kafka-connect_connector.crm_source");
    assertThat(source.keys())
        .containsExactly(
            new KeyChange(
                "config[\"slot.name\"]", Optional.of("zdp_zero_crm"), Optional.of("crm_slot_v2")));
    assertThat(source.callouts())
        .extracting(Callout::kind)
        .containsExactly(Callout.Kind.RESNAPSHOT);
    assertThat(source.workspaces()).containsExactly("churn");
  }

  @Test
  void aNewSlotSaysWhatHappensToTheChangesMadeInBetween() {
    Plan plan =
        plan(
            withSinks(zero(), crm(null), "customers"),
            withSinks(zero(), crm("crm_slot_v2"), "customers"));

    // Debezium keeps its offsets (no snapshot) and the new slot starts where WAL is when created
    assertThat(change(plan, Action.CHANGE, "kafka-connect_connector.crm_source").callouts())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.message())
                    .contains("without a snapshot")
                    .contains("never captured")
                    .contains("old slot stays")
                    .doesNotContain("snapshots every table again"));
  }

  @Test
  void aReplicationFactorChangeIsMadeInPlaceAndNotCalledOut() {
    Platform z = zero();
    Platform three =
        new Platform(
            z.name(),
            z.type(),
            "",
            new Platform.KafkaSettings("kafka:9092", 3, 3, false, Optional.empty()),
            z.connect(),
            z.iceberg());
    Plan plan =
        plan(
            withSinks(partitions(3), crm(null), "customers"),
            withSinks(three, crm(null), "customers"));

    PlannedChange topic = change(plan, Action.CHANGE, "kafka_topic.crm__customers");
    assertThat(topic.keys())
        .containsExactly(new KeyChange("replication_factor", Optional.of("1"), Optional.of("3")));
    assertThat(topic.callouts()).isEmpty();
    assertThat(topic.destructive()).isFalse();
  }

  @Test
  void aRenamedPlatformRenamesConnectorsAndTopics() {
    Platform renamed =
        new Platform("lake", "zero", "", zero().kafka(), zero().connect(), zero().iceberg());
    Model head =
        model(
            ecosystem(renamed),
            List.of(
                crm(null), workspace("churn", group("feed", "lake", sink("crm", "customers")))));

    Plan plan = plan(withSinks(zero(), crm(null), "customers"), head);

    // a new root module: everything is destroyed in one and added in the other
    assertThat(change(plan, Action.DESTROY, "kafka-connect_connector.crm_source").callouts())
        .extracting(Callout::kind)
        .contains(Callout.Kind.SLOT_ORPHANED);
    assertThat(change(plan, Action.ADD, "kafka_topic.crm__customers").module()).isEqualTo("lake");
  }

  @Test
  void sensitiveValuesAreMasked() {
    Platform z = zero();
    Platform otherSecret =
        new Platform(
            z.name(),
            z.type(),
            "",
            z.kafka(),
            z.connect(),
            new Platform.IcebergSettings(
                z.iceberg().catalog(),
                z.iceberg().warehouse(),
                Optional.of(
                    new Platform.S3Settings(
                        Optional.of("http://minio:9000"), true, "us-east-1", Optional.of("lake2"))),
                "staging",
                "corpus",
                60000));

    Plan plan =
        plan(
            withSinks(zero(), crm(null), "customers"),
            withSinks(otherSecret, crm(null), "customers"));

    PlannedChange sink = change(plan, Action.CHANGE, "kafka-connect_connector.crm_sink");
    assertThat(sink.keys())
        .allSatisfy(
            k -> {
              assertThat(k.key()).startsWith("config_sensitive");
              assertThat(k.before()).contains(KeyChange.MASK);
              assertThat(k.after()).contains(KeyChange.MASK);
            });
    assertThat(PlanRenderer.markdown(plan))
        .doesNotContain("→ `var.")
        .doesNotContain("`var.lake_user` →");
    assertThat(PlanRenderer.json(plan))
        .doesNotContain("\"before\" : \"var.")
        .doesNotContain("\"after\" : \"var.");
  }

  @Test
  void shardingMovesAreCalledOut() {
    Model base =
        model(
            ecosystem(zero()),
            List.of(
                datastore("crm", dataset("customers", key("id"))),
                workspace("churn", group("feed", "zero", sink("crm", "customers")))));
    Model head =
        model(
            ecosystem(zero()),
            List.of(
                datastore("billing", dataset("invoices", key("id"))),
                datastore("crm", dataset("customers", key("id"))),
                workspace(
                    "churn",
                    group("feed", "zero", sink("crm", "customers"), sink("billing", "invoices")))));
    Generator sharded = new Generator(Optional.of(1));

    Plan plan = Planner.plan(base, head, sharded, Optional.empty(), Optional.empty());

    PlannedChange moved =
        plan.with(Action.ADD).stream()
            .filter(c -> c.address().equals("kafka-connect_connector.crm_source"))
            .findFirst()
            .orElseThrow();
    assertThat(moved.module()).isEqualTo("zero/shard-002");
    assertThat(moved.callouts())
        .extracting(Callout::kind)
        .contains(Callout.Kind.MOVED_BETWEEN_MODULES);
  }

  @Test
  void markdownStartsWithTheSummaryAndFoldsTheDetails() {
    Plan plan =
        plan(
            withSinks(partitions(6), crm(null), "customers", "orders"),
            withSinks(partitions(3), crm(null), "customers"));

    String markdown = PlanRenderer.markdown(plan);

    assertThat(markdown.lines().limit(3))
        .containsExactly("### zdp plan", "", "**" + PlanRenderer.summary(plan) + "**");
    assertThat(PlanRenderer.summary(plan))
        .matches("\\d+ to add, \\d+ to change, \\d+ to destroy; \\d+ destructive");
    assertThat(markdown.indexOf("Destructive changes")).isLessThan(markdown.indexOf("<details>"));
    assertThat(markdown)
        .contains("lowered from 6 to 3")
        .contains("— affects churn")
        .endsWith("</details>\n");
  }

  @Test
  void jsonCarriesCountsChangesAndCallouts() throws Exception {
    Plan plan =
        plan(
            withSinks(partitions(6), crm(null), "customers"),
            withSinks(partitions(3), crm(null), "customers"));

    JsonNode json = new ObjectMapper().readTree(PlanRenderer.json(plan));

    assertThat(json.at("/summary/change").asInt()).isEqualTo(plan.with(Action.CHANGE).size());
    assertThat(json.at("/summary/destructive").asInt()).isEqualTo(1);
    JsonNode topic = json.get("changes").get(0);
    assertThat(topic.get("address").asText()).isEqualTo("kafka_topic.crm__customers");
    assertThat(topic.at("/callouts/0/kind").asText()).isEqualTo("topic-recreated");
    assertThat(topic.at("/workspaces/0").asText()).isEqualTo("churn");
  }
}
