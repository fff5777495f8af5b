package dev.zdp.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.ColumnType;
import dev.zdp.model.Datastore;
import dev.zdp.model.Kind;
import dev.zdp.model.Milestoning;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.ProductionStatus;
import dev.zdp.model.RuleLevel;
import dev.zdp.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelLoaderTest {

  static String resource(String name) throws IOException {
    try (InputStream in = ModelLoaderTest.class.getResourceAsStream("/load/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static LoadResult load(String yaml) {
    return ModelLoader.load(
        List.of(new SourceFile("m.yaml", yaml.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void bindsEveryKindWithDefaults() throws IOException {
    LoadResult result = load(resource("valid.yaml"));

    assertThat(result.problems()).isEmpty();
    Model model = result.model();
    assertThat(model.ecosystem())
        .get()
        .satisfies(
            e -> {
              assertThat(e.liveBranch()).isEqualTo("main");
              assertThat(e.zones())
                  .extracting(z -> z.repository().toString())
                  .containsExactly("acme/americas@main");
              assertThat(e.platforms().get(0).kafka().partitions()).isEqualTo(3);
              assertThat(e.platforms().get(0).kafka().replicationFactor()).isEqualTo(1);
              assertThat(e.platforms().get(0).iceberg().stagingNamespace()).isEqualTo("staging");
              assertThat(e.rules()).containsEntry("primary-key", RuleLevel.WARNING);
            });
    assertThat(model.zone("americas").orElseThrow().policies().classifications().permits("secret"))
        .isFalse();
    assertThat(model.team("sales").orElseThrow().zone()).isEqualTo("americas");
    Datastore crm = model.datastore("crm").orElseThrow();
    assertThat(crm.productionStatus()).isEqualTo(ProductionStatus.PRODUCTION);
    assertThat(crm.capture().port()).isEqualTo(5432);
    assertThat(crm.dataset("customers").orElseThrow().table()).isEqualTo("public.customers");
    assertThat(crm.dataset("customers").orElseThrow().column("balance").orElseThrow().type())
        .isEqualTo(ColumnType.decimal(12, 2));
    assertThat(crm.dataset("customers").orElseThrow().column("balance").orElseThrow().nullable())
        .isTrue();
    var group = model.workspace("churn").orElseThrow().datasetGroups().get(0);
    assertThat(group.milestoning()).isEqualTo(Milestoning.FORENSIC);
    assertThat(group.sinks().get(0).deprecationsAllowed()).isTrue();
  }

  @Test
  void remembersWhereEveryNodeWasWritten() throws IOException {
    Model model = load(resource("valid.yaml")).model();
    ObjectPath crm = ObjectPath.of(Kind.DATASTORE, "crm");

    assertThat(model.locate(crm)).contains(new SourceLocation("m.yaml", 38, 18));
    assertThat(model.locate(crm.field("team"))).contains(new SourceLocation("m.yaml", 38, 29));
    assertThat(model.locate(crm.field("capture").field("host")))
        .contains(new SourceLocation("m.yaml", 43, 11));
    ObjectPath balance = crm.item("datasets", "customers").item("columns", "balance");
    assertThat(model.locate(balance)).map(SourceLocation::line).contains(51);
    assertThat(model.locate(balance.field("type"))).contains(new SourceLocation("m.yaml", 52, 17));
    ObjectPath sink =
        ObjectPath.of(Kind.WORKSPACE, "churn")
            .item("datasetGroups", "feed")
            .item("sinks", "crm.customers");
    assertThat(model.locate(sink.field("dataset"))).map(SourceLocation::line).contains(64);
    assertThat(model.locate(sink.field("nonexistent"))).map(SourceLocation::line).contains(63);
  }

  @Test
  void keepsDuplicateDefinitionsForTheRulesToReport() {
    LoadResult result =
        load(
            """
            apiVersion: zdp/v1
            kind: Team
            metadata: {name: sales, zone: z}
            ---
            apiVersion: zdp/v1
            kind: Team
            metadata: {name: sales, zone: z}
            """);

    assertThat(result.problems()).isEmpty();
    assertThat(result.model().teams()).hasSize(2);
    assertThat(result.model().definitions())
        .filteredOn(d -> d.path().equals(ObjectPath.of(Kind.TEAM, "sales")))
        .extracting(d -> d.location().line())
        .containsExactly(3, 7);
  }

  @Test
  void readsAFileWithoutDocumentsAsNothing() {
    LoadResult result = load("# just a comment\n---\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.model().isEmpty()).isTrue();
  }
}
