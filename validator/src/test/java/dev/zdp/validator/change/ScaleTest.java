package dev.zdp.validator.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zdp.model.Capture;
import dev.zdp.model.Column;
import dev.zdp.model.ColumnType;
import dev.zdp.model.Dataset;
import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.ProductionStatus;
import dev.zdp.model.Sink;
import dev.zdp.model.SourceMap;
import dev.zdp.model.Workspace;
import dev.zdp.validator.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Thousands of datastores, tens of thousands of datasets and sinks: judged in seconds. */
class ScaleTest {

  private static final int DATASTORES = 2_000;
  private static final int DATASETS_EACH = 10;

  private static Model model(boolean dropOneColumn) {
    List<Datastore> datastores = new ArrayList<>();
    List<Workspace> workspaces = new ArrayList<>();
    for (int s = 0; s < DATASTORES; s++) {
      List<Dataset> datasets = new ArrayList<>();
      List<Sink> sinks = new ArrayList<>();
      for (int d = 0; d < DATASETS_EACH; d++) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", ColumnType.of(ColumnType.Base.BIGINT), false, true, ""));
        if (!(dropOneColumn && s == 1234 && d == 5)) {
          columns.add(new Column("name", ColumnType.varchar(100), true, false, ""));
        }
        datasets.add(new Dataset("t" + d, "public.t" + d, "", List.of("internal"), false, columns));
        sinks.add(new Sink("store" + s, "t" + d, false));
      }
      Capture capture =
          new Capture(
              Capture.POSTGRES_CDC,
              "db" + s,
              5432,
              "db",
              "cred",
              Optional.empty(),
              Optional.empty());
      datastores.add(
          new Datastore(
              "store" + s, "team", "", ProductionStatus.NOT_PRODUCTION, false, capture, datasets));
      workspaces.add(
          new Workspace(
              "ws" + s,
              "team",
              "",
              ProductionStatus.NOT_PRODUCTION,
              false,
              List.of(new DatasetGroup("g", Optional.of("zero"), Optional.empty(), sinks))));
    }
    return new Model(
        Optional.empty(),
        List.of(),
        List.of(),
        datastores,
        workspaces,
        SourceMap.empty(),
        List.of());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void twentyThousandConsumedDatasetsAreComparedInSeconds() {
    ModelChange change = new ModelChange(model(false), model(true), Optional.empty());

    List<Diagnostic> found = ChangeValidator.builtIn().check(change, false);

    assertThat(found)
        .extracting(Diagnostic::message)
        .containsExactly(
            "Cannot remove column 'store1234.t5.name' (varchar(100) → removed): it breaks"
                + " workspace 'ws1234' (team team), which sinks it");
  }
}
