package dev.zdp.validator.rules.platform.zero;

import dev.zdp.model.Dataset;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroNames;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * No ingested dataset is the datastore's Debezium signal table ({@link ZeroNames#signalTable()}),
 * which every Zero source connector captures for its incremental snapshots and the deploy writes
 * signals into. Names are compared ignoring case: PostgreSQL folds unquoted names to lower case,
 * and Debezium matches {@code table.include.list} without regard to case.
 */
@RuleInfo(
    id = "zero-signal-table",
    severity = Severity.ERROR,
    summary =
        "No dataset sunk on a Zero platform is the datastore's signal table public.zdp_signal")
public final class ZeroSignalTable implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    Set<String> reported = new HashSet<>();
    for (PlatformIntentions intentions : IntentionGraph.of(model).platformsOfType(Platform.ZERO)) {
      for (IngestedDatastore ingested : intentions.datastores()) {
        for (IngestedDataset used : ingested.datasets()) {
          Dataset dataset = used.dataset();
          String owner = ingested.datastore().name() + "." + dataset.name();
          if (!isSignalTable(dataset) || !reported.add(owner)) {
            continue;
          }
          findings.report(
              ZeroTopicNames.tableOrDataset(model, ingested.path(used)),
              "Dataset '"
                  + owner
                  + "': table '"
                  + dataset.table()
                  + "' is the signal table "
                  + ZeroNames.signalTable()
                  + " that platform '"
                  + intentions.platform().name()
                  + "' (type zero) keeps in database '"
                  + ingested.datastore().capture().database()
                  + "' for its incremental snapshots",
              "zdp reserves "
                  + ZeroNames.signalTable()
                  + " in every captured database: rename the source table (and write its new"
                  + " name in table:), or stop sinking the dataset on '"
                  + intentions.platform().name()
                  + "'");
        }
      }
    }
  }

  private static boolean isSignalTable(Dataset dataset) {
    return dataset.tableSchema().equalsIgnoreCase(ZeroNames.SIGNAL_SCHEMA)
        && dataset.tableName().equalsIgnoreCase(ZeroNames.SIGNAL_TABLE);
  }
}
