package dev.zdp.validator.rules.platform.zero;

import dev.zdp.model.Column;
import dev.zdp.model.Dataset;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDataset;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.model.platform.zero.ZeroNames;
import dev.zdp.model.platform.zero.ZeroNames.MappedType;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * Every column of a dataset a Zero platform ingests has a type Zero can carry into Iceberg and
 * Spark SQL ({@link ZeroNames#mapType}, the mapping the generator renders). A capture takes whole
 * rows, so every column counts, not only the ones a consumer reads.
 */
@RuleInfo(
    id = "zero-column-type",
    severity = Severity.ERROR,
    summary = "Columns of datasets a Zero platform ingests have types Iceberg can hold")
public final class ZeroColumnTypes implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    Set<ObjectPath> reported = new HashSet<>();
    for (PlatformIntentions intentions : IntentionGraph.of(model).platformsOfType(Platform.ZERO)) {
      for (IngestedDatastore ingested : intentions.datastores()) {
        for (IngestedDataset used : ingested.datasets()) {
          Dataset dataset = used.dataset();
          for (Column column : dataset.columns()) {
            MappedType mapped = ZeroNames.mapType(column.type());
            ObjectPath path = ingested.path(used).item("columns", column.name()).field("type");
            if (mapped.mappable() || !reported.add(path)) {
              continue;
            }
            findings.report(
                path,
                "Column '"
                    + column.name()
                    + "' of dataset '"
                    + ingested.datastore().name()
                    + "."
                    + dataset.name()
                    + "' is "
                    + column.type()
                    + ", which platform '"
                    + intentions.platform().name()
                    + "' cannot carry",
                mapped.problem().orElseThrow());
          }
        }
      }
    }
  }
}
