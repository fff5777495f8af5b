package dev.zdp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Iceberg's own REST client, talking to the sandbox's REST catalog over an in-memory catalog. */
class RestCatalogServerTest {
  private RestCatalogServer server;
  private RESTCatalog client;

  @BeforeEach
  void start() {
    server =
        RestCatalogServer.start(
            "memory", Map.of("catalog-impl", "org.apache.iceberg.inmemory.InMemoryCatalog"));
    client =
        (RESTCatalog)
            CatalogUtil.buildIcebergCatalog(
                "any-name",
                Map.of("type", "rest", "uri", server.uri().toString(), "credential", "u:p"),
                null);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void namespacesAndTablesRoundTrip() {
    Namespace staging = Namespace.of("staging");
    assertThat(client.namespaceExists(staging)).isFalse();
    assertThatThrownBy(() -> client.loadNamespaceMetadata(staging))
        .isInstanceOf(NoSuchNamespaceException.class);
    client.createNamespace(staging, new java.util.HashMap<>(Map.of("owner", "sales")));
    assertThatThrownBy(() -> client.createNamespace(staging))
        .isInstanceOf(AlreadyExistsException.class);
    assertThat(client.loadNamespaceMetadata(staging)).containsEntry("owner", "sales");
    assertThat(client.listNamespaces()).containsExactly(staging);

    TableIdentifier id = TableIdentifier.of(staging, "crm_customers");
    assertThat(client.tableExists(id)).isFalse();
    assertThatThrownBy(() -> client.loadTable(id)).isInstanceOf(NoSuchTableException.class);
    Schema schema =
        new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.optional(2, "born", Types.DateType.get()));
    client.createTable(id, schema);
    Table table = client.loadTable(id);
    assertThat(table.schema().asStruct()).isEqualTo(schema.asStruct());

    table.updateSchema().addColumn("name", Types.StringType.get()).commit();
    assertThat(client.loadTable(id).schema().findField("name")).isNotNull();
    table.updateProperties().set("write.merge.mode", "merge-on-read").commit();
    assertThat(client.loadTable(id).properties())
        .containsEntry("write.merge.mode", "merge-on-read");

    TableIdentifier renamed = TableIdentifier.of(staging, "customers");
    client.renameTable(id, renamed);
    assertThat(client.listTables(staging)).containsExactly(renamed);
    assertThat(client.dropTable(renamed, false)).isTrue();
    assertThat(client.listTables(staging)).isEmpty();
    assertThat(client.dropNamespace(staging)).isTrue();
  }
}
