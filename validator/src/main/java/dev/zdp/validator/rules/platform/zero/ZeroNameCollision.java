package dev.zdp.validator.rules.platform.zero;

import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
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
import dev.zdp.validator.rules.Describe;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * No two things a Zero platform creates share a name: Kafka topics, Connect connectors and Iceberg
 * tables on one platform, and PostgreSQL replication slots and publications across all Zero
 * platforms (a slot serves one connector). Names come from {@link ZeroNames}, as generated.
 */
@RuleInfo(
    id = "zero-name-collision",
    severity = Severity.ERROR,
    summary = "Topics, connectors, tables, slots and publications Zero derives are unique")
public final class ZeroNameCollision implements Rule {

  @Override
  public void check(Model model, Findings findings) {
    Map<String, Claim> replication = new HashMap<>();
    Claims claims = new Claims(model, findings, new HashSet<>());
    for (PlatformIntentions intentions : IntentionGraph.of(model).platformsOfType(Platform.ZERO)) {
      Platform platform = intentions.platform();
      String on = " on platform '" + platform.name() + "'";
      Map<String, Claim> names = new HashMap<>();
      for (IngestedDatastore ingested : intentions.datastores()) {
        Datastore datastore = ingested.datastore();
        String store = "datastore '" + datastore.name() + "'" + on;
        ObjectPath capture = ingested.path().field("capture");
        claims.claim(
            replication,
            new Claim(
                "replication slot",
                ZeroNames.slotName(platform, datastore),
                store,
                capture.field("slotName"),
                capture));
        claims.claim(
            replication,
            new Claim(
                "publication",
                ZeroNames.publicationName(platform, datastore),
                store,
                capture.field("publicationName"),
                capture));
        claims.claim(
            names,
            new Claim(
                "connector",
                ZeroNames.sourceConnector(platform, datastore),
                store,
                ingested.path(),
                ingested.path()));
        claims.claim(
            names,
            new Claim(
                "connector",
                ZeroNames.sinkConnector(platform, datastore),
                store,
                ingested.path(),
                ingested.path()));
        claims.claim(
            names,
            new Claim(
                "Kafka topic",
                ZeroNames.controlTopic(platform, datastore),
                store,
                ingested.path(),
                ingested.path()));
        for (IngestedDataset used : ingested.datasets()) {
          Dataset dataset = used.dataset();
          String owner = "dataset '" + datastore.name() + "." + dataset.name() + "'" + on;
          claims.claim(
              names,
              new Claim(
                  "Kafka topic",
                  ZeroNames.topic(platform, datastore, dataset),
                  owner,
                  ingested.path(used).field("table"),
                  ingested.path(used)));
          Map<String, ZeroNames.TableName> tables = new LinkedHashMap<>();
          tables.put("staging table", ZeroNames.stagingTable(platform, datastore, dataset));
          tables.put("live table", ZeroNames.liveTable(platform, datastore, dataset));
          tables.put("forensic table", ZeroNames.forensicTable(platform, datastore, dataset));
          tables.forEach(
              (what, table) ->
                  claims.claim(
                      names,
                      new Claim(
                          what,
                          table.qualified(),
                          owner,
                          ingested.path(used),
                          ingested.path(used))));
        }
      }
    }
  }

  /**
   * Who derives a name first: what it names, the name, whose it is and where that is written: at
   * {@code field} when the model file writes it, at {@code otherwise} when not. Which of the two is
   * looked up only for a collision, as it takes the model's source locations.
   */
  private record Claim(
      String what, String name, String owner, ObjectPath field, ObjectPath otherwise) {

    ObjectPath at(Model model) {
      return field.equals(otherwise) || model.sources().exact(field).isEmpty() ? otherwise : field;
    }

    /** Names of one namespace must be unique: tables with tables, topics with topics. */
    String namespace() {
      return what.endsWith("table") ? "table" : what;
    }
  }

  /** The claims made so far; one finding per place, however many of its names collide. */
  private record Claims(Model model, Findings findings, Set<ObjectPath> reported) {

    /** Records {@code claim}, or reports it when another owner derived the same name before. */
    void claim(Map<String, Claim> claims, Claim claim) {
      Claim first = claims.putIfAbsent(claim.namespace() + " " + claim.name(), claim);
      if (first == null || first.owner().equals(claim.owner())) {
        return;
      }
      ObjectPath at = claim.at(model);
      if (!reported.add(at)) {
        return;
      }
      findings.report(
          at,
          "The "
              + claim.what()
              + " '"
              + claim.name()
              + "' of "
              + claim.owner()
              + " is also the "
              + first.what()
              + " of "
              + first.owner()
              + model.locate(first.at(model)).map(l -> " (" + Describe.at(l) + ")").orElse(""),
          claim.what().equals("replication slot")
              ? "write a different slotName, or leave it out to use the derived one"
              : claim.what().equals("publication")
                  ? "write a different publicationName, or leave it out to use the derived one"
                  : "rename one of them: every name Zero derives must be unique");
    }
  }
}
