package dev.zdp.generator.zero;

import dev.zdp.generator.template.Filters;
import dev.zdp.generator.template.StrictMap;
import dev.zdp.model.Column;
import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.zero.ZeroLayout;
import dev.zdp.model.platform.zero.ZeroNames;
import java.util.ArrayList;
import java.util.List;

/**
 * A datastore's staging tables as Spark SQL DDL ({@code <platform>/staging/<datastore>.sql}), with
 * the model's column types: the Iceberg sink writes into existing tables with their types, so
 * creating them before the sink starts is what makes staging typed like the corpus.
 */
final class StagingTables {
  static final String TEMPLATE = "zero/staging.sql.j2";

  private StagingTables() {}

  /** Where a datastore's staging DDL goes, relative to the output directory. */
  static String path(Platform platform, IngestedDatastore store) {
    return platform.name() + "/" + ZeroLayout.stagingDdl(store.name());
  }

  /** The file's name inside {@code staging/}: {@code <datastore>.sql}. */
  static String fileName(IngestedDatastore store) {
    return store.name() + ".sql";
  }

  /** The template's {@code datastore}: its name, sink connector and staging tables. */
  static StrictMap context(Platform platform, IngestedDatastore store) {
    Datastore datastore = store.datastore();
    List<StrictMap> tables = new ArrayList<>();
    for (IngestedDataset ingested : store.datasets()) {
      Dataset dataset = ingested.dataset();
      List<StrictMap> columns = new ArrayList<>();
      for (Column column : dataset.columns()) {
        ZeroNames.MappedType type =
            ZeroRenderer.mappedType("the staging table", datastore, dataset, column);
        columns.add(
            StrictMap.of(
                "name", column.name(),
                "name_sql", Filters.sqlIdent(column.name()),
                "type", type.spark()));
      }
      tables.add(
          StrictMap.of(
              "name",
              ZeroNames.stagingTable(platform, datastore, dataset).name(),
              "source_table",
              datastore.name() + "." + dataset.name(),
              "workspaces",
              List.copyOf(ingested.workspaces()),
              "columns",
              columns));
    }
    return StrictMap.of(
        "name", datastore.name(),
        "sink_connector", ZeroNames.sinkConnector(platform, datastore),
        "staging", tables);
  }
}
