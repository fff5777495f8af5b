package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zdp plan} between two commits of a real git repository holding examples/acme in a
 * subdirectory.
 */
class PlanCommandTest {

  @TempDir Path repo;

  private Path model;
  private String base;

  @BeforeEach
  void commitTheExample() {
    model = repo.resolve("model");
    Acme.copyTo(model);
    base = commit("acme as it is");
  }

  private String commit(String message) {
    return Acme.commit(repo, message);
  }

  /**
   * Adds a sink to a dataset nobody sank, renames a table, lowers the platform's partitions and
   * removes the only workspace that sinks fleet's datasets; commits it and returns the commit.
   */
  private String commitTheChange() throws IOException {
    Acme.edit(
        model.resolve("workspaces/churn.yaml"),
        "- {datastore: crm, dataset: consent_events}",
        "- {datastore: crm, dataset: consent_events}\n        - {datastore: crm, dataset: addresses}");
    Acme.edit(
        model.resolve("teams/commerce_team/shop.yaml"),
        "table: sales.orders\n",
        "table: sales.orders_v2\n");
    Acme.edit(model.resolve("ecosystem.yaml"), "partitions: 3 ", "partitions: 1 ");
    Files.delete(model.resolve("workspaces/delivery_ops.yaml"));
    return commit("the change");
  }

  /** The addresses {@code plan} (zdp plan's JSON) adds, changes or destroys, by {@code action}. */
  static Set<String> addresses(JsonNode plan, String action) {
    Set<String> found = new TreeSet<>();
    for (JsonNode change : plan.get("changes")) {
      if (change.get("action").asText().equals(action)) {
        found.add(change.get("address").asText());
      }
    }
    return found;
  }

  private static JsonNode change(JsonNode plan, String address) {
    for (JsonNode change : plan.get("changes")) {
      if (change.get("address").asText().equals(address)) {
        return change;
      }
    }
    throw new AssertionError("no change of " + address + " in " + plan.toPrettyString());
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get(field).asText()));
    return values;
  }

  @Test
  void jsonListsWhatIsAddedChangedAndDestroyedWithTheDestructiveCallouts() throws Exception {
    String head = commitTheChange();

    Zdp zdp =
        Zdp.run(
            "plan",
            "--model",
            model.toString(),
            "--base",
            base,
            "--head",
            head,
            "--format",
            "json");

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    assertThat(zdp.err()).isEmpty();
    JsonNode plan = new ObjectMapper().readTree(zdp.out());
    assertThat(addresses(plan, "add"))
        .containsExactlyInAnyOrder("kafka_topic.crm__addresses", "zero/merge/crm/addresses.sql");
    assertThat(addresses(plan, "destroy"))
        .containsExactlyInAnyOrder(
            "kafka_topic.fleet__debezium_heartbeat",
            "kafka_topic.fleet__iceberg_control",
            "kafka_topic.fleet__shipments",
            "kafka_topic.fleet__tracking_events",
            "kafka_topic.fleet__vehicles",
            "kafka_topic.fleet__zdp_signal_topic",
            "kafka-connect_connector.fleet_source",
            "kafka-connect_connector.fleet_sink",
            "var.fleet_db_user",
            "var.fleet_db_password",
            "zero/merge/fleet/shipments.sql",
            "zero/merge/fleet/tracking_events.sql",
            "zero/merge/fleet/vehicles.sql",
            "zero/staging/fleet.sql");
    assertThat(addresses(plan, "change"))
        .contains(
            "kafka_topic.shop__orders",
            "kafka_topic.crm__customers",
            "kafka-connect_connector.crm_source",
            "kafka-connect_connector.shop_source")
        .doesNotContain("kafka-connect_connector.fleet_source");

    JsonNode orders = change(plan, "kafka_topic.shop__orders");
    assertThat(texts(orders.get("keys"), "key")).containsExactly("name", "partitions");
    assertThat(orders.get("keys").get(0).get("before").asText())
        .isEqualTo("zero.shop.sales.orders");
    assertThat(orders.get("keys").get(0).get("after").asText())
        .isEqualTo("zero.shop.sales.orders_v2");
    assertThat(texts(orders.get("callouts"), "kind")).containsOnly("topic-recreated");
    assertThat(orders.get("workspaces").toString()).isEqualTo("[\"churn\",\"finance_reporting\"]");

    JsonNode customers = change(plan, "kafka_topic.crm__customers");
    assertThat(customers.get("keys").toString())
        .isEqualTo("[{\"key\":\"partitions\",\"before\":\"3\",\"after\":\"1\"}]");
    assertThat(texts(customers.get("callouts"), "kind")).containsExactly("topic-recreated");

    JsonNode source = change(plan, "kafka-connect_connector.crm_source");
    assertThat(texts(source.get("keys"), "key")).contains("config[\"table.include.list\"]");
    assertThat(texts(source.get("callouts"), "kind"))
        .as("not destructive: the table's existing rows are backfilled")
        .containsExactly("backfill");

    JsonNode fleetSource = change(plan, "kafka-connect_connector.fleet_source");
    assertThat(texts(fleetSource.get("callouts"), "kind")).containsExactly("slot-orphaned");
    assertThat(texts(fleetSource.get("callouts"), "message").get(0)).contains("'zdp_fleet'");
    assertThat(fleetSource.get("workspaces").toString()).isEqualTo("[\"delivery_ops\"]");
    assertThat(texts(change(plan, "zero/merge/fleet/vehicles.sql").get("callouts"), "kind"))
        .containsExactly("table-dropped");

    JsonNode summary = plan.get("summary");
    assertThat(summary.get("add").asInt()).isEqualTo(2);
    assertThat(summary.get("destroy").asInt()).isEqualTo(14);
    assertThat(summary.get("change").asInt()).isEqualTo(addresses(plan, "change").size());
    int destructive = 0;
    for (JsonNode change : plan.get("changes")) {
      List<String> kinds = texts(change.get("callouts"), "kind");
      kinds.removeAll(List.of("backfill", "initial-snapshot"));
      destructive += kinds.isEmpty() ? 0 : 1;
    }
    assertThat(summary.get("destructive").asInt()).isEqualTo(destructive).isPositive();
  }

  @Test
  void markdownPutsTheSummaryAndDestructiveChangesFirstAndFoldsTheDetails() throws Exception {
    String head = commitTheChange();

    Zdp zdp = Zdp.run("plan", "--model", model.toString(), "--base", base, "--head", head);

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    String markdown = zdp.out();
    assertThat(markdown.lines().limit(3))
        .containsExactly("### zdp plan", "", markdown.lines().skip(2).findFirst().orElseThrow());
    assertThat(markdown.lines().skip(2).findFirst().orElseThrow())
        .matches("\\*\\*2 to add, \\d+ to change, 14 to destroy; \\d+ destructive\\*\\*");
    String destructive = markdown.substring(0, markdown.indexOf("<details>"));
    assertThat(destructive)
        .contains(":warning: **Destructive changes**")
        .contains(
            "`zero: kafka_topic.shop__orders`: topic renamed from 'zero.shop.sales.orders' to"
                + " 'zero.shop.sales.orders_v2'")
        .contains("`zero: kafka_topic.crm__customers`: partitions of topic")
        .contains("`zero: kafka-connect_connector.fleet_source`: source connector")
        .contains("'zdp_fleet'")
        .contains("— affects delivery_ops")
        .doesNotContain("crm__addresses")
        .contains(
            "**Capture starts** (existing rows arrive in staging and the corpus)\n\n"
                + "- `zero: kafka-connect_connector.crm_source`: capture of table"
                + " 'public.addresses' starts: existing rows will be backfilled by an incremental"
                + " snapshot");
    String details = markdown.substring(markdown.indexOf("<details>"));
    assertThat(details)
        .contains("#### Add (2)")
        .contains("#### Destroy (14)")
        .contains("- `zero/staging: zero/staging/fleet.sql` (file) — affects delivery_ops\n")
        .contains("- `zero: kafka_topic.crm__addresses` (kafka_topic) — affects churn")
        .contains("`partitions`: `3` → `1`")
        .endsWith("</details>\n");
  }

  @Test
  void withoutHeadTheFilesOnDiskAreTheHead() throws Exception {
    Acme.edit(model.resolve("ecosystem.yaml"), "partitions: 3 ", "partitions: 6 ");

    Zdp zdp = Zdp.run("plan", "--model", model.toString(), "--base", "main", "--format", "json");

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    JsonNode plan = new ObjectMapper().readTree(zdp.out());
    assertThat(addresses(plan, "add")).isEmpty();
    assertThat(addresses(plan, "destroy")).isEmpty();
    assertThat(addresses(plan, "change")).allMatch(a -> a.startsWith("kafka_topic.")).isNotEmpty();
    assertThat(plan.get("summary").get("destructive").asInt()).isZero();
  }

  @Test
  void anUnchangedModelPlansNothing() {
    Zdp zdp = Zdp.run("plan", "--model", model.toString(), "--base", base);

    assertThat(zdp.exitCode()).isZero();
    assertThat(zdp.out())
        .contains("**No changes: the generated artifacts are already up to date.**")
        .doesNotContain("<details>");
  }

  @Test
  void eachSideIsRenderedWithTheTemplatesOfThatSide() throws Exception {
    TestModels.write(
        model,
        "templates/zero/merge_live.sql.j2",
        "-- house style v1\n" + builtIn("zero/merge_live.sql.j2"));
    String styled = commit("house style v1");
    TestModels.write(
        model,
        "templates/zero/merge_live.sql.j2",
        "-- house style v2\n" + builtIn("zero/merge_live.sql.j2"));

    Zdp sameTemplates =
        Zdp.run("plan", "--model", model.toString(), "--base", styled, "--head", styled);
    Zdp fromDisk =
        Zdp.run("plan", "--model", model.toString(), "--base", styled, "--format", "json");
    Zdp fromNone =
        Zdp.run(
            "plan",
            "--model",
            model.toString(),
            "--base",
            base,
            "--head",
            styled,
            "--format",
            "json");

    assertThat(sameTemplates.exitCode()).as(sameTemplates.err()).isZero();
    assertThat(sameTemplates.out()).contains("No changes");
    JsonNode v1ToV2 = new ObjectMapper().readTree(fromDisk.out());
    assertThat(addresses(v1ToV2, "change"))
        .isNotEmpty()
        .allMatch(a -> a.startsWith("zero/merge/") && a.endsWith(".sql"))
        .noneMatch(a -> a.endsWith(".forensic.sql"));
    assertThat(addresses(new ObjectMapper().readTree(fromNone.out()), "change"))
        .isEqualTo(addresses(v1ToV2, "change"));
  }

  private static String builtIn(String name) {
    return dev.zdp.generator.template.TemplateEngine.builtIn(name).orElseThrow();
  }

  @Test
  void outputWritesThePlanToAFileAndPrintsItsSummary() throws Exception {
    String head = commitTheChange();
    Path file = repo.resolve("reports/plan.md");

    Zdp zdp =
        Zdp.run(
            "plan",
            "--model",
            model.toString(),
            "--base",
            base,
            "--head",
            head,
            "--output",
            file.toString());

    assertThat(zdp.exitCode()).isZero();
    assertThat(zdp.out())
        .matches("2 to add, \\d+ to change, 14 to destroy; \\d+ destructive; plan written to .*\\n")
        .endsWith(file + "\n");
    assertThat(Files.readString(file)).startsWith("### zdp plan\n");
  }

  @Test
  void anUnknownBaseCannotRun() {
    Zdp zdp = Zdp.run("plan", "--model", model.toString(), "--base", "no-such-branch");

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines()).hasSize(1);
    assertThat(zdp.errLines().get(0))
        .startsWith("zdp: unknown git ref 'no-such-branch'")
        .doesNotContain("Exception");
    assertThat(zdp.out()).isEmpty();
  }

  @Test
  void baseIsRequiredAndFormatIsChecked() {
    Zdp noBase = Zdp.run("plan", "--model", model.toString());
    Zdp badFormat =
        Zdp.run("plan", "--model", model.toString(), "--base", base, "--format", "jsno");

    assertThat(noBase.exitCode()).isEqualTo(2);
    assertThat(noBase.errLines()).singleElement().asString().contains("--base");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.errLines())
        .containsExactly(
            "zdp: unknown value 'jsno' for --format; did you mean 'json'? use one of markdown,"
                + " json");
  }

  @Test
  void anInvalidHeadIsReportedAndExitsOne() throws Exception {
    Acme.edit(
        model.resolve("workspaces/churn.yaml"),
        "{datastore: crm, dataset: customers}",
        "{datastore: crm, dataset: customer}");

    Zdp zdp = Zdp.run("plan", "--model", model.toString(), "--base", base);

    assertThat(zdp.exitCode()).isEqualTo(1);
    assertThat(zdp.out()).isEmpty();
    assertThat(zdp.err()).contains("[sink-reference]").contains("zdp: no plan was made: ");
  }

  @Test
  void errorsInTheBaseOnlyWarnAndThePlanIsMade() throws Exception {
    Acme.edit(
        model.resolve("workspaces/churn.yaml"),
        "{datastore: crm, dataset: consent_events}",
        "{datastore: crm, dataset: consent_event}");
    String broken = commit("a broken sink");
    Acme.edit(
        model.resolve("workspaces/churn.yaml"),
        "{datastore: crm, dataset: consent_event}",
        "{datastore: crm, dataset: consent_events}");

    Zdp zdp = Zdp.run("plan", "--model", model.toString(), "--base", broken, "--format", "json");

    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    assertThat(zdp.errLines())
        .singleElement()
        .asString()
        .startsWith("zdp: warning: the base model in ")
        .contains("has 1 error");
    assertThat(addresses(new ObjectMapper().readTree(zdp.out()), "add"))
        .contains("kafka_topic.crm__consent_events");
  }

  @Test
  void aModelOutsideAGitRepositoryCannotRun(@TempDir Path elsewhere) {
    Path plain = Acme.copyTo(elsewhere.resolve("model"));

    Zdp zdp = Zdp.run("plan", "--model", plain.toString(), "--base", "main");

    assertThat(zdp.exitCode()).isEqualTo(2);
    assertThat(zdp.errLines()).singleElement().asString().contains("not inside a git repository");
  }
}
