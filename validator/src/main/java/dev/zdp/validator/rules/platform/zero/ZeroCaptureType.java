package dev.zdp.validator.rules.platform.zero;

import dev.zdp.model.Capture;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.platform.IngestedDatastore;
import dev.zdp.model.platform.IntentionGraph;
import dev.zdp.model.platform.PlatformIntentions;
import dev.zdp.validator.Findings;
import dev.zdp.validator.Rule;
import dev.zdp.validator.RuleInfo;
import dev.zdp.validator.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * A datastore a Zero platform ingests is captured with {@code postgres-cdc}, the only type Zero
 * runs.
 */
@RuleInfo(
    id = "zero-capture-type",
    severity = Severity.ERROR,
    summary = "Datastores a Zero platform ingests are captured with postgres-cdc")
public final class ZeroCaptureType implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    Set<String> reported = new HashSet<>();
    for (PlatformIntentions intentions : IntentionGraph.of(model).platformsOfType(Platform.ZERO)) {
      for (IngestedDatastore ingested : intentions.datastores()) {
        Capture capture = ingested.datastore().capture();
        if (Capture.POSTGRES_CDC.equals(capture.type())
            || !reported.add(ingested.datastore().name())) {
          continue;
        }
        findings.report(
            ingested.path().field("capture").field("type"),
            "Datastore '"
                + ingested.datastore().name()
                + "' is captured with '"
                + capture.type()
                + "', but platform '"
                + intentions.platform().name()
                + "' (type zero) ingests it and runs only "
                + Capture.POSTGRES_CDC,
            "write type: "
                + Capture.POSTGRES_CDC
                + " (Debezium's PostgreSQL connector), or stop sinking its datasets on '"
                + intentions.platform().name()
                + "'");
      }
    }
  }
}
