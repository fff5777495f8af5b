package dev.zdp.action.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the table "What deploy does with each change" in docs/change-rules.md, walked on
 * examples/acme in a real git repository: the base is the example, the head is one edit. For each
 * row, {@code zdp validate --base} reports the verdict the table names (the rule ids it lists
 * before "refused even with the override" are errors that {@code --allow-breaking-changes} turns
 * into warnings, the ones after it stay errors), and {@code zdp plan} adds, changes and destroys
 * the files and resources the row expects, with the callouts the table's plan column names. A row
 * added to the table without an edit here, or a verdict that drifts from the code, fails.
 */
class ChangeKindsTest {

  private static final Path TABLE_DOC = Path.of("..", "docs", "change-rules.md");
  private static final String TABLE_HEADING = "## What deploy does with each change";
  private static final String REFUSED = "refused even with the override";

  private static final String CRM = "teams/customer_team/crm.yaml";
  private static final String SHOP = "teams/commerce_team/shop.yaml";
  private static final String FLEET = "teams/logistics_team/fleet.yaml";
  private static final String CHURN = "workspaces/churn.yaml";
  private static final String FINANCE = "workspaces/finance_reporting.yaml";
  private static final String DELIVERY = "workspaces/delivery_ops.yaml";

  @TempDir Path repo;

  /** One edit of the example: a file, the text it replaces and the replacement. */
  private record Edit(String file, String from, String to) {}

  /** A row of the table: its change cell, the edits that make it, what the plan holds. */
  private record Row(String change, List<Edit> edits, String plan) {}

  private static Edit edit(String file, String from, String to) {
    return new Edit(file, from, to);
  }

  /** Removes the file. */
  private static Edit remove(String file) {
    return new Edit(file, "", null);
  }

  private static final String CONSENT_EVENTS =
      """
          - name: consent_events
            description: Marketing consent given or withdrawn, one row per change
            classifications: [pii]
            columns:
              # A key may span several columns, in the order written.
              - {name: customer_id, type: bigint, nullable: false, primaryKey: true}
              - {name: event_seq, type: integer, nullable: false, primaryKey: true}
              - {name: purpose, type: varchar(50), nullable: false}
              - {name: granted, type: boolean, nullable: false}
              - {name: recorded_at, type: timestamptz, nullable: false}

      """;

  private static Row row(String change, String plan, Edit... edits) {
    return new Row(change, List.of(edits), plan);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
            row(
                "add a nullable column",
                "change: zero/merge/crm/customers.sql, zero/staging/crm.sql",
                edit(
                    CRM,
                    "- {name: full_name, type: text}",
                    "- {name: full_name, type: text}\n        - {name: nickname, type: text}")),
            row(
                "add a `nullable: false` column",
                "change: zero/merge/crm/customers.sql, zero/staging/crm.sql",
                edit(
                    CRM,
                    "- {name: full_name, type: text}",
                    "- {name: full_name, type: text}\n        - {name: nickname, type: text, nullable: false}")),
            row(
                "drop a nullable column (or rename one)",
                "change: zero/merge/crm/customers.sql, zero/staging/crm.sql",
                edit(CRM, "        - {name: full_name, type: text}\n", "")),
            row(
                "drop a `nullable: false` column",
                "change: zero/merge/crm/customers.sql, zero/staging/crm.sql",
                edit(
                    CRM,
                    "        - {name: marketing_opt_in, type: boolean, nullable: false}\n",
                    "")),
            row(
                "`smallint → integer`, `char`/`varchar` widened, `→ text`",
                "nothing",
                edit(CRM, "{name: email, type: varchar(320)}", "{name: email, type: varchar(400)}"),
                edit(
                    CRM,
                    "{name: country_code, type: char(2),",
                    "{name: country_code, type: text,")),
            row(
                "`integer → bigint`, `real → double`",
                "change: zero/merge/fleet/shipments.sql, zero/merge/fleet/vehicles.sql, zero/staging/fleet.sql",
                edit(FLEET, "{name: depot_id, type: integer}", "{name: depot_id, type: bigint}"),
                edit(
                    FLEET, "{name: capacity_kg, type: real}", "{name: capacity_kg, type: double}")),
            row(
                "`decimal(p,s) → decimal(p',s)`, `p' > p`",
                "change: zero/merge/shop/orders.forensic.sql, zero/merge/shop/orders.sql, zero/staging/shop.sql",
                edit(
                    SHOP,
                    "{name: total, type: \"decimal(12,2)\"",
                    "{name: total, type: \"decimal(14,2)\"")),
            row(
                "decimal scale changed, integer → decimal",
                "change: zero/merge/fleet/shipments.sql, zero/merge/shop/orders.forensic.sql, zero/merge/shop/orders.sql, zero/staging/fleet.sql, zero/staging/shop.sql",
                edit(
                    SHOP,
                    "{name: total, type: \"decimal(12,2)\"",
                    "{name: total, type: \"decimal(14,4)\""),
                edit(
                    FLEET,
                    "{name: depot_id, type: integer}",
                    "{name: depot_id, type: \"decimal(10,0)\"}")),
            row(
                "other type changes (`integer → text`, `date → timestamp`…)",
                "change: zero/merge/crm/customers.sql, zero/staging/crm.sql",
                edit(CRM, "{name: birth_date, type: date}", "{name: birth_date, type: timestamp}")),
            row(
                "an integer, float or string type narrowed",
                "change: zero/merge/shop/orders.forensic.sql, zero/merge/shop/orders.sql, zero/staging/shop.sql",
                edit(CRM, "{name: email, type: varchar(320)}", "{name: email, type: varchar(100)}"),
                edit(
                    SHOP,
                    "{name: customer_id, type: bigint,",
                    "{name: customer_id, type: integer,")),
            row(
                "a decimal narrowed",
                "change: zero/merge/shop/orders.forensic.sql, zero/merge/shop/orders.sql, zero/staging/shop.sql",
                edit(
                    SHOP,
                    "{name: total, type: \"decimal(12,2)\"",
                    "{name: total, type: \"decimal(10,2)\"")),
            row(
                "`nullable: false → true`",
                "change: zero/merge/crm/customers.sql",
                edit(
                    CRM,
                    "{name: marketing_opt_in, type: boolean, nullable: false}",
                    "{name: marketing_opt_in, type: boolean}")),
            row(
                "`nullable: true → false`",
                "change: zero/merge/crm/customers.sql",
                edit(
                    CRM,
                    "{name: email, type: varchar(320)}",
                    "{name: email, type: varchar(320), nullable: false}")),
            row(
                "primary key changed",
                "change: zero/merge/crm/customers.sql",
                edit(
                    CRM,
                    "{name: external_id, type: uuid, nullable: false,",
                    "{name: external_id, type: uuid, nullable: false, primaryKey: true,")),
            row(
                "add a dataset",
                "add: kafka_topic.crm__tickets, zero/merge/crm/tickets.sql; change: kafka-connect_connector.crm_sink, kafka-connect_connector.crm_source, zero/dags/zdp_zero_merge.py, zero/staging/crm.sql",
                edit(
                    CRM,
                    "    - name: addresses\n",
                    "    - name: tickets\n      classifications: [internal]\n      columns:\n        - {name: id, type: bigint, nullable: false, primaryKey: true}\n\n    - name: addresses\n"),
                edit(
                    CHURN,
                    "- {datastore: crm, dataset: consent_events}",
                    "- {datastore: crm, dataset: consent_events}\n        - {datastore: crm, dataset: tickets}")),
            row(
                "remove a dataset",
                "change: kafka-connect_connector.crm_sink, kafka-connect_connector.crm_source, zero/dags/zdp_zero_merge.py, zero/staging/crm.sql; destroy: kafka_topic.crm__consent_events, zero/merge/crm/consent_events.sql",
                edit(CRM, CONSENT_EVENTS, ""),
                edit(CHURN, "        - {datastore: crm, dataset: consent_events}\n", "")),
            row(
                "add a consumer (sink)",
                "add: kafka_topic.crm__addresses, zero/merge/crm/addresses.sql; change: kafka-connect_connector.crm_sink, kafka-connect_connector.crm_source, zero/dags/zdp_zero_merge.py, zero/staging/crm.sql",
                edit(
                    CHURN,
                    "- {datastore: crm, dataset: consent_events}",
                    "- {datastore: crm, dataset: consent_events}\n        - {datastore: crm, dataset: addresses}")),
            row(
                "remove a consumer",
                "change: kafka-connect_connector.crm_sink, kafka-connect_connector.crm_source, zero/dags/zdp_zero_merge.py, zero/staging/crm.sql; destroy: kafka_topic.crm__consent_events, zero/merge/crm/consent_events.sql",
                edit(CHURN, "        - {datastore: crm, dataset: consent_events}\n", "")),
            row(
                "forensic consumer added to a live dataset",
                "add: zero/merge/crm/customers.forensic.sql; change: zero/dags/zdp_zero_merge.py, zero/merge/crm/customers.sql, zero/staging/crm.sql",
                edit(
                    FINANCE,
                    "- {datastore: shop, dataset: payments}",
                    "- {datastore: shop, dataset: payments}\n        - {datastore: crm, dataset: customers}")),
            row(
                "deprecate a dataset",
                "no plan",
                edit(
                    CRM,
                    "    - name: customers\n",
                    "    - name: customers\n      deprecated: true\n")),
            row(
                "remove a datastore",
                "change: zero/dags/zdp_zero_merge.py; destroy: kafka-connect_connector.fleet_sink, kafka-connect_connector.fleet_source, kafka_topic.fleet__debezium_heartbeat, kafka_topic.fleet__iceberg_control, kafka_topic.fleet__shipments, kafka_topic.fleet__tracking_events, kafka_topic.fleet__vehicles, kafka_topic.fleet__zdp_signal_topic, var.fleet_db_password, var.fleet_db_user, zero/merge/fleet/shipments.sql, zero/merge/fleet/tracking_events.sql, zero/merge/fleet/vehicles.sql, zero/staging/fleet.sql",
                remove(FLEET),
                edit(
                    DELIVERY,
                    "        - {datastore: fleet, dataset: vehicles}\n        - {datastore: fleet, dataset: shipments}\n        - {datastore: fleet, dataset: tracking_events}\n",
                    "")))
        .map(r -> Arguments.of(r.change(), r));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachRowOfTheTableIsWhatValidateAndPlanDo(String change, Row row) throws Exception {
    Path model = Acme.copyTo(repo.resolve("model"));
    String base = commit("the example");
    for (Edit e : row.edits()) {
      if (e.to() == null) {
        Files.delete(model.resolve(e.file()));
      } else {
        Acme.edit(model.resolve(e.file()), e.from(), e.to());
      }
    }
    String head = commit(change);

    Verdict strict = validate(model, base, head, false);
    Verdict allowed = validate(model, base, head, true);
    Plan plan = plan(model, base, head);

    String[] cells = table().get(change);
    assertThat(cells).as("a row '%s' in %s", change, TABLE_DOC).isNotNull();
    String verdict = cells[0];
    int refusedAt = verdict.indexOf(REFUSED);
    Set<String> overridable = ids(refusedAt < 0 ? verdict : verdict.substring(0, refusedAt));
    Set<String> refused = refusedAt < 0 ? Set.of() : ids(verdict.substring(refusedAt));
    Set<String> all = new TreeSet<>(overridable);
    all.addAll(refused);
    assertThat(strict.errors()).as("errors without the override").isEqualTo(all);
    assertThat(strict.exitCode()).isEqualTo(all.isEmpty() ? 0 : 1);
    assertThat(allowed.errors()).as("errors with the override").isEqualTo(refused);
    assertThat(allowed.warnings()).as("warnings with the override").containsAll(overridable);
    assertThat(allowed.exitCode()).isEqualTo(refused.isEmpty() ? 0 : 1);
    assertThat(plan.files()).as("what the plan adds, changes and destroys").isEqualTo(row.plan());
    assertThat(plan.callouts()).as("the plan's callouts").isEqualTo(callouts(cells[2]));
  }

  @Test
  void everyRowOfTheTableIsWalked() {
    assertThat(rows().map(a -> (String) a.get()[0]).toList())
        .containsExactlyElementsOf(table().keySet());
  }

  /**
   * The rows of the table in docs/change-rules.md, by their change cell: the verdict, what deploy
   * does and what the plan says.
   */
  private static Map<String, String[]> table() {
    String doc;
    try {
      doc = Files.readString(TABLE_DOC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String[]> rows = new LinkedHashMap<>();
    List<String> lines = doc.substring(doc.indexOf(TABLE_HEADING)).lines().toList();
    int first = lines.indexOf("|---|---|---|---|") + 1;
    for (String line : lines.subList(first, lines.size())) {
      if (!line.startsWith("| ")) {
        break;
      }
      String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
      assertThat(cells).as(line).hasSize(4);
      rows.put(cells[0], new String[] {cells[1], cells[2], cells[3]});
    }
    return rows;
  }

  private static final Pattern TICKED = Pattern.compile("`([a-z-]+)`");
  private static final Pattern CALLOUTS = Pattern.compile("callouts? ((?:`[a-z-]+`(?:, )?)+)");

  /** The rule ids a verdict cell names: {@code `column-removed`}. */
  private static Set<String> ids(String cell) {
    Set<String> ids = new TreeSet<>();
    Matcher m = TICKED.matcher(cell);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** The callout kinds a plan cell names: {@code callouts `table-dropped`, `topic-recreated`}. */
  private static Set<String> callouts(String cell) {
    Matcher m = CALLOUTS.matcher(cell);
    return m.find() ? ids(m.group(1)) : Set.of();
  }

  /** Runs {@code zdp COMMAND --model MODEL --base BASE --head HEAD --format json MORE...}. */
  private static Zdp json(String command, Path model, String base, String head, String... more) {
    return Zdp.run(
        Stream.concat(
                Stream.of(
                    command,
                    "--model",
                    model.toString(),
                    "--base",
                    base,
                    "--head",
                    head,
                    "--format",
                    "json"),
                Stream.of(more))
            .toArray(String[]::new));
  }

  /** The rule ids {@code zdp validate} reported as errors and as warnings. */
  private record Verdict(int exitCode, Set<String> errors, Set<String> warnings) {}

  private static Verdict validate(Path model, String base, String head, boolean allow)
      throws IOException {
    Zdp zdp =
        allow
            ? json("validate", model, base, head, "--allow-breaking-changes")
            : json("validate", model, base, head);
    JsonNode report = new ObjectMapper().readTree(zdp.out());
    Set<String> errors = new TreeSet<>();
    Set<String> warnings = new TreeSet<>();
    for (JsonNode d : report.get("diagnostics")) {
      (d.get("severity").asText().equals("error") ? errors : warnings).add(d.get("rule").asText());
    }
    return new Verdict(zdp.exitCode(), errors, warnings);
  }

  /**
   * What {@code zdp plan} does: {@code add: ...; change: ...; destroy: ...} (or {@code nothing}, or
   * {@code no plan} when the head is invalid), and the kinds of its callouts.
   */
  private record Plan(String files, Set<String> callouts) {}

  private static Plan plan(Path model, String base, String head) throws IOException {
    Zdp zdp = json("plan", model, base, head);
    if (zdp.exitCode() == 1) {
      assertThat(zdp.err()).contains("zdp: no plan was made: ");
      return new Plan("no plan", Set.of());
    }
    assertThat(zdp.exitCode()).as(zdp.err()).isZero();
    JsonNode plan = new ObjectMapper().readTree(zdp.out());
    List<String> parts = new ArrayList<>();
    for (String action : List.of("add", "change", "destroy")) {
      Set<String> addresses = PlanCommandTest.addresses(plan, action);
      if (!addresses.isEmpty()) {
        parts.add(action + ": " + String.join(", ", addresses));
      }
    }
    Set<String> callouts = new TreeSet<>();
    plan.get("changes")
        .forEach(c -> c.get("callouts").forEach(k -> callouts.add(k.get("kind").asText())));
    return new Plan(parts.isEmpty() ? "nothing" : String.join("; ", parts), callouts);
  }

  private String commit(String message) {
    return Acme.commit(repo, message);
  }
}
