package dev.zdp.model.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.zdp.model.Capture;
import dev.zdp.model.Column;
import dev.zdp.model.ColumnType;
import dev.zdp.model.Dataset;
import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Datastore;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Milestoning;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.ProductionStatus;
import dev.zdp.model.RepositoryRef;
import dev.zdp.model.Requirements;
import dev.zdp.model.Sink;
import dev.zdp.model.SourceMap;
import dev.zdp.model.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntentionGraphTest {

  private static final Datastore CRM =
      datastore("crm", dataset("customers"), dataset("orders"), dataset("segments"));
  private static final Datastore BILLING =
      datastore("billing", dataset("invoices"), dataset("payments"));

  /** churn (live, on zero) sinks crm.customers and crm.orders; audit (forensic) also invoices. */
  private static Model acme() {
    return model(
        List.of(zero("zero")),
        List.of(CRM, BILLING),
        List.of(
            workspace("churn", "analytics", named("crm_feed", "zero", sink("crm", "customers"))),
            workspace(
                "audit",
                "compliance",
                forensic("history", sink("crm", "customers"), sink("billing", "invoices"))),
            workspace("churn2", "analytics", named("feed", "zero", sink("crm", "orders")))));
  }

  @Test
  void groupsUsedDatasetsByDatastoreWithTheirConsumers() {
    PlatformIntentions zero = IntentionGraph.of(acme()).platform("zero").orElseThrow();

    assertThat(zero.datastores())
        .extracting(IngestedDatastore::name)
        .containsExactly("billing", "crm");
    IngestedDatastore crm = zero.datastore("crm").orElseThrow();
    assertThat(crm.datasets())
        .extracting(IngestedDataset::name)
        .containsExactly("customers", "orders");
    assertThat(crm.dataset("customers").orElseThrow().consumers())
        .extracting(
            Consumer::workspace, Consumer::team, Consumer::datasetGroup, Consumer::milestoning)
        .containsExactly(
            tuple("audit", "compliance", "history", Milestoning.FORENSIC),
            tuple("churn", "analytics", "crm_feed", Milestoning.LIVE));
    assertThat(crm.dataset("customers").orElseThrow().forensic()).isTrue();
    assertThat(crm.dataset("orders").orElseThrow().forensic()).isFalse();
    assertThat(crm.workspaces()).containsExactly("audit", "churn", "churn2");
  }

  @Test
  void unusedDatasetsAndDatastoresAreNotIngested() {
    Model model =
        model(
            List.of(zero("zero")),
            List.of(CRM, BILLING, datastore("unused", dataset("things"))),
            List.of(workspace("audit", "t", named("g", "zero", sink("billing", "invoices")))));

    PlatformIntentions zero = IntentionGraph.of(model).platform("zero").orElseThrow();

    assertThat(zero.datastores()).extracting(IngestedDatastore::name).containsExactly("billing");
    assertThat(zero.datastore("billing").orElseThrow().datasets())
        .extracting(IngestedDataset::name)
        .containsExactly("invoices");
  }

  @Test
  void requirementsGoToTheFirstPlatformByNameThatSatisfiesThem() {
    Platform legacy = new Platform("aaa_other", "legacy", "", kafka(), connect(), iceberg());
    Model model =
        model(
            List.of(zero("zz_zero"), zero("zero"), legacy),
            List.of(CRM),
            List.of(workspace("audit", "t", forensic("history", sink("crm", "customers")))));

    IntentionGraph graph = IntentionGraph.of(model);

    assertThat(graph.platforms())
        .extracting(PlatformIntentions::name)
        .containsExactly("aaa_other", "zero", "zz_zero");
    assertThat(graph.platform("zero").orElseThrow().datastores()).hasSize(1);
    assertThat(graph.platform("zz_zero").orElseThrow().datastores()).isEmpty();
    assertThat(graph.platform("aaa_other").orElseThrow().datastores()).isEmpty();
    assertThat(graph.platformsOfType(Platform.ZERO))
        .extracting(PlatformIntentions::name)
        .containsExactly("zero", "zz_zero");
    DatasetGroup group = model.workspace("audit").orElseThrow().datasetGroups().get(0);
    assertThat(graph.assignedPlatform(group)).map(Platform::name).contains("zero");
  }

  @Test
  void aGroupNamingAPlatformGetsItAndAnUnknownNameGetsNone() {
    IntentionGraph graph = IntentionGraph.of(acme());

    assertThat(graph.assignedPlatform(named("g", "zero"))).map(Platform::name).contains("zero");
    assertThat(graph.assignedPlatform(named("g", "zer0"))).isEmpty();
  }

  @Test
  void sinksToMissingDatasetsOrUnknownPlatformsAreNotIngestedButStillConsumers() {
    Model model =
        model(
            List.of(zero("zero")),
            List.of(CRM),
            List.of(
                workspace(
                    "churn",
                    "analytics",
                    named("feed", "zero", sink("crm", "customer"), sink("nowhere", "x")),
                    named("other", "no_such_platform", sink("crm", "customers")))));

    IntentionGraph graph = IntentionGraph.of(model);

    assertThat(graph.platform("zero").orElseThrow().datastores()).isEmpty();
    assertThat(graph.consumersOf("crm", "customers"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.datasetGroup()).isEqualTo("other");
              assertThat(c.platform()).isEmpty();
              assertThat(c.servedBy(Platform.ZERO)).isFalse();
            });
    assertThat(graph.consumersOf("crm", "customer"))
        .singleElement()
        .satisfies(c -> assertThat(c.servedBy(Platform.ZERO)).isTrue());
    assertThat(graph.consumersOf("crm", "segments")).isEmpty();
  }

  @Test
  void consumersOfADatasetAreSortedAndASinkWrittenTwiceCountsOnce() {
    Model model =
        model(
            List.of(zero("zero")),
            List.of(CRM),
            List.of(
                workspace("zeta", "t", named("b", "zero", sink("crm", "orders"))),
                workspace(
                    "alpha",
                    "t",
                    named("z", "zero", sink("crm", "orders")),
                    named("a", "zero", sink("crm", "orders"), sink("crm", "orders")))));

    IntentionGraph graph = IntentionGraph.of(model);

    assertThat(graph.consumersOf("crm", "orders"))
        .extracting(Consumer::workspace, Consumer::datasetGroup)
        .containsExactly(tuple("alpha", "a"), tuple("alpha", "z"), tuple("zeta", "b"));
    assertThat(graph.consumersOf("crm", "orders").get(0).path())
        .hasToString("Workspace/alpha/datasetGroups[a]/sinks[crm.orders]");
    assertThat(graph.platform("zero").orElseThrow().datastore("crm").orElseThrow().datasets())
        .singleElement()
        .satisfies(d -> assertThat(d.consumers()).hasSize(3));
  }

  @Test
  void theOrderOfDocumentsGroupsAndSinksDoesNotChangeTheGraph() {
    Model written = acme();
    IntentionGraph expected = IntentionGraph.of(written);
    for (long seed = 1; seed <= 5; seed++) {
      Model shuffled = shuffled(written, new Random(seed));
      IntentionGraph graph = IntentionGraph.of(shuffled);

      assertThat(graph.platforms()).isEqualTo(expected.platforms());
      assertThat(graph.consumersOf("crm", "customers"))
          .isEqualTo(expected.consumersOf("crm", "customers"));
    }
  }

  @Test
  void isBuiltOncePerModel() {
    Model model = acme();

    assertThat(IntentionGraph.of(model)).isSameAs(IntentionGraph.of(model));
    assertThat(IntentionGraph.of(acme())).isNotSameAs(IntentionGraph.of(model));
  }

  @Test
  void thousandsOfDatastoresAreAllIngestedWithTheirConsumers() {
    List<Datastore> stores = new ArrayList<>();
    List<Workspace> workspaces = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Dataset[] datasets = new Dataset[10];
      Sink[] sinks = new Sink[10];
      for (int j = 0; j < 10; j++) {
        datasets[j] = dataset("d" + j);
        sinks[j] = sink("s" + i, "d" + j);
      }
      stores.add(datastore("s" + i, datasets));
      workspaces.add(workspace("w" + i, "t", named("live", "zero", sinks)));
      workspaces.add(workspace("h" + i, "t", forensic("history", sinks)));
    }
    Model model = model(List.of(zero("zero")), stores, workspaces);

    IntentionGraph graph = IntentionGraph.of(model);

    assertThat(graph.platform("zero").orElseThrow().datastores()).hasSize(3000);
    assertThat(graph.consumersOf("s2999", "d9")).hasSize(2);
  }

  // ------------------------------------------------------------------ fixtures

  private static Model shuffled(Model model, Random random) {
    List<Workspace> workspaces = new ArrayList<>();
    for (Workspace w : model.workspaces()) {
      List<DatasetGroup> groups = new ArrayList<>();
      for (DatasetGroup g : w.datasetGroups()) {
        List<Sink> sinks = new ArrayList<>(g.sinks());
        Collections.shuffle(sinks, random);
        groups.add(new DatasetGroup(g.name(), g.platform(), g.requirements(), sinks));
      }
      Collections.shuffle(groups, random);
      workspaces.add(
          new Workspace(
              w.name(), w.team(), w.description(), w.productionStatus(), w.deprecated(), groups));
    }
    Collections.shuffle(workspaces, random);
    List<Datastore> stores = new ArrayList<>(model.datastores());
    Collections.shuffle(stores, random);
    return model(model.ecosystem().orElseThrow().platforms(), stores, workspaces);
  }

  private static Model model(
      List<Platform> platforms, List<Datastore> stores, List<Workspace> workspaces) {
    RepositoryRef repository = RepositoryRef.parse("acme/data-model@main").orElseThrow();
    Ecosystem ecosystem =
        new Ecosystem("acme", "", repository, "main", List.of(), platforms, Map.of());
    return new Model(
        Optional.of(ecosystem),
        List.of(),
        List.of(),
        stores,
        workspaces,
        SourceMap.empty(),
        List.of());
  }

  private static Platform zero(String name) {
    return new Platform(name, Platform.ZERO, "", kafka(), connect(), iceberg());
  }

  private static Platform.KafkaSettings kafka() {
    return new Platform.KafkaSettings("kafka:9092", 3, 1, false, Optional.empty());
  }

  private static Platform.ConnectSettings connect() {
    return new Platform.ConnectSettings("http://connect:8083", Optional.empty());
  }

  private static Platform.IcebergSettings iceberg() {
    return new Platform.IcebergSettings(
        new Platform.CatalogSettings("rest", Optional.of("http://rest:8181"), Optional.empty()),
        "s3://lake/warehouse",
        Optional.empty(),
        "staging",
        "corpus",
        60000);
  }

  private static Dataset dataset(String name) {
    Column id = new Column("id", ColumnType.of(ColumnType.Base.BIGINT), false, true, "");
    return new Dataset(name, "public." + name, "", List.of("pii"), false, List.of(id));
  }

  private static Datastore datastore(String name, Dataset... datasets) {
    Capture capture =
        new Capture(
            Capture.POSTGRES_CDC,
            name + "-db",
            5432,
            name,
            name,
            Optional.empty(),
            Optional.empty());
    return new Datastore(
        name, "sales", "", ProductionStatus.PRODUCTION, false, capture, List.of(datasets));
  }

  private static Workspace workspace(String name, String team, DatasetGroup... groups) {
    return new Workspace(name, team, "", ProductionStatus.PRODUCTION, false, List.of(groups));
  }

  private static DatasetGroup named(String name, String platform, Sink... sinks) {
    return new DatasetGroup(name, Optional.of(platform), Optional.empty(), List.of(sinks));
  }

  private static DatasetGroup forensic(String name, Sink... sinks) {
    return new DatasetGroup(
        name,
        Optional.empty(),
        Optional.of(new Requirements(Milestoning.FORENSIC)),
        List.of(sinks));
  }

  private static Sink sink(String datastore, String dataset) {
    return new Sink(datastore, dataset, false);
  }
}
