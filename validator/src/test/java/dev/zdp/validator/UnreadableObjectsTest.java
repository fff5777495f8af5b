package dev.zdp.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.load.ModelLoader;
import dev.zdp.model.load.SourceFile;
import dev.zdp.validator.change.ChangeValidator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An object that is written but cannot be read is reported once, by its load problem; references to
 * it are not reported again as "not defined".
 */
class UnreadableObjectsTest {

  @Test
  void aDatastoreWithALoadProblemIsNotAlsoAMissingReference() {
    String model =
        """
        apiVersion: zdp/v1
        kind: Ecosystem
        metadata: {name: acme}
        spec:
          repository: acme/model@main
          zones: [{name: z, repository: acme/z@main}]
          platforms:
            - name: zero
              type: zero
              kafka: {bootstrapServers: "k:9092"}
              connect: {url: "http://c:8083"}
              iceberg: {catalog: {type: rest, uri: "http://r"}, warehouse: "s3://w"}
        ---
        apiVersion: zdp/v1
        kind: Zone
        metadata: {name: z}
        spec: {teams: [{name: t, repository: acme/t@main}]}
        ---
        apiVersion: zdp/v1
        kind: Team
        metadata: {name: t, zone: z}
        ---
        apiVersion: zdp/v1
        kind: Datastore
        metadata: {name: crm, team: t}
        spec:
          capture: {type: postgres-cdc, host: h, database: d}
          datasets:
            - name: customers
              classifications: [pii]
              columns: [{name: id, type: bigint, nullable: false, primaryKey: true}]
        ---
        apiVersion: zdp/v1
        kind: Workspace
        metadata: {name: w, team: t}
        spec:
          datasetGroups:
            - name: g
              platform: zero
              sinks: [{datastore: crm, dataset: customers}]
        """;
    Report report =
        ChangeValidator.builtIn()
            .validate(
                ModelLoader.load(
                    List.of(new SourceFile("m.yaml", model.getBytes(StandardCharsets.UTF_8)))));

    assertThat(report.diagnostics())
        .extracting(Diagnostic::rule, d -> d.location().orElseThrow().line())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("missing-field", 27));
  }
}
