package dev.zdp.generator.zero;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.Sink;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotSignalsTest {

  private static final Datastore CRM =
      datastore(
          "crm",
          dataset("customers", key("id"), column("email", "text")),
          dataset("orders", key("id")),
          dataset("invoices", key("id")));

  private static Model sinking(Platform platform, String... datasets) {
    return model(
        ecosystem(platform),
        List.of(
            CRM,
            workspace(
                "churn",
                group(
                    "feed",
                    platform.name(),
                    Arrays.stream(datasets).map(d -> sink("crm", d)).toArray(Sink[]::new)))));
  }

  @Test
  void tablesAddedToARunningCaptureGetOneSignalForExactlyThem() {
    List<SnapshotSignal> signals =
        SnapshotSignals.forAddedTables(
            sinking(zero(), "customers"),
            sinking(zero(), "customers", "orders", "invoices"),
            "abc123");

    assertThat(signals).hasSize(1);
    SnapshotSignal signal = signals.get(0);
    assertThat(signal.connector()).isEqualTo("zero-crm-source");
    assertThat(signal.tables()).containsExactly("public.invoices", "public.orders");
    assertThat(signal.data())
        .isEqualTo(
            "{\"data-collections\":[\"public\\\\.invoices\",\"public\\\\.orders\"],"
                + "\"type\":\"incremental\"}");
    assertThat(signal.id()).matches("zdp-[0-9a-f]{24}");
    assertThat(signal.sql())
        .isEqualTo(
            "INSERT INTO public.zdp_signal (id, type, data) VALUES ('"
                + signal.id()
                + "', 'execute-snapshot', '"
                + signal.data()
                + "') ON CONFLICT (id) DO NOTHING;");
  }

  @Test
  void theSameDeployGivesTheSameIdAnotherDeployAnother() {
    Model base = sinking(zero(), "customers");
    Model head = sinking(zero(), "customers", "orders");

    String once = SnapshotSignals.forAddedTables(base, head, "abc").get(0).id();
    assertThat(SnapshotSignals.forAddedTables(base, head, "abc").get(0).id()).isEqualTo(once);
    assertThat(SnapshotSignals.forAddedTables(base, head, "def").get(0).id()).isNotEqualTo(once);
  }

  @Test
  void nothingIsSignalledWithoutAddedTablesOrWithoutARunningCapture() {
    assertThat(
            SnapshotSignals.forAddedTables(
                sinking(zero(), "customers", "orders"), sinking(zero(), "customers"), "k"))
        .isEmpty();
    Model nothingSunk = sinking(zero());
    assertThat(SnapshotSignals.forAddedTables(nothingSunk, sinking(zero(), "orders"), "k"))
        .as("a new capture reads its tables in its initial snapshot")
        .isEmpty();
    Platform renamed =
        new Platform("lake", "zero", "", zero().kafka(), zero().connect(), zero().iceberg());
    assertThat(
            SnapshotSignals.forAddedTables(
                sinking(zero(), "customers"), sinking(renamed, "customers", "orders"), "k"))
        .as("another platform is another connector, slot and topic prefix")
        .isEmpty();
  }

  @Test
  void aDatasetIsResnapshotOnDemandOncePerKey() {
    Model model = sinking(zero(), "customers", "orders");

    SnapshotSignal signal = SnapshotSignals.forDataset(model, "crm", "orders", "TICKET-7");
    assertThat(signal.tables()).containsExactly("public.orders");
    assertThat(signal.reason()).isEqualTo("re-snapshot TICKET-7");
    assertThat(SnapshotSignals.forDataset(model, "crm", "orders", "TICKET-7").id())
        .isEqualTo(signal.id());
    assertThat(SnapshotSignals.forDataset(model, "crm", "orders", "TICKET-8").id())
        .isNotEqualTo(signal.id());
    assertThatThrownBy(() -> SnapshotSignals.forDataset(model, "crm", "invoices", "T"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "No Zero platform ingests dataset 'crm.invoices': only a dataset some workspace sinks"
                + " is captured (captured: crm.customers, crm.orders)");
  }
}
