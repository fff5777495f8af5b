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
    Map<String, Map<String, Claim>> replication = new HashMap<>();
    Claims claims = new Claims(model, findings, new HashSet<>());
    for (PlatformIntentions intentions : IntentionGraph.of(model).platformsOfType(Platform.ZERO)) {
      Platform platform = intentions.platform();
      Map<String, Map<String, Claim>> names = new HashMap<>();
      for (IngestedDatastore ingested : intentions.datastores()) {
        Datastore datastore = ingested.datastore();
        claims.claim(
            replication,
            new Claim(
                "replication slot",
                ZeroNames.slotName(platform, datastore),
                platform,
                ingested,
                null,
                Place.SLOT_NAME));
        claims.claim(
            replication,
            new Claim(
                "publication",
                ZeroNames.publicationName(platform, datastore),
                platform,
                ingested,
                null,
                Place.PUBLICATION_NAME));
        claims.claim(
            names,
            new Claim(
                "connector",
                ZeroNames.sourceConnector(platform, datastore),
                platform,
                ingested,
                null,
                Place.DATASTORE));
        claims.claim(
            names,
            new Claim(
                "connector",
                ZeroNames.sinkConnector(platform, datastore),
                platform,
                ingested,
                null,
                Place.DATASTORE));
        claims.claim(
            names,
            new Claim(
                "Kafka topic",
                ZeroNames.controlTopic(platform, datastore),
                platform,
                ingested,
                null,
                Place.DATASTORE));
        for (IngestedDataset used : ingested.datasets()) {
          Dataset dataset = used.dataset();
          claims.claim(
              names,
              new Claim(
                  "Kafka topic",
                  ZeroNames.topic(platform, datastore, dataset),
                  platform,
                  ingested,
                  used,
                  Place.DATASET_TABLE));
          claims.claim(
              names,
              new Claim(
                  "staging table",
                  ZeroNames.stagingTable(platform, datastore, dataset).qualified(),
                  platform,
                  ingested,
                  used,
                  Place.DATASET));
          claims.claim(
              names,
              new Claim(
                  "live table",
                  ZeroNames.liveTable(platform, datastore, dataset).qualified(),
                  platform,
                  ingested,
                  used,
                  Place.DATASET));
          claims.claim(
              names,
              new Claim(
                  "forensic table",
                  ZeroNames.forensicTable(platform, datastore, dataset).qualified(),
                  platform,
                  ingested,
                  used,
                  Place.DATASET));
        }
      }
    }
  }

  /**
   * Where in the model a claim's name comes from: the field that writes it when the file does, and
   * the object that derives it when not.
   */
  private enum Place {
    /** The datastore's {@code capture/slotName}, or its {@code capture}. */
    SLOT_NAME,
    /** The datastore's {@code capture/publicationName}, or its {@code capture}. */
    PUBLICATION_NAME,
    /** The datastore itself. */
    DATASTORE,
    /** The dataset's {@code table}, or the dataset. */
    DATASET_TABLE,
    /** The dataset itself. */
    DATASET;

    ObjectPath field(IngestedDatastore store, IngestedDataset dataset) {
      return switch (this) {
        case SLOT_NAME -> store.path().field("capture").field("slotName");
        case PUBLICATION_NAME -> store.path().field("capture").field("publicationName");
        case DATASTORE -> store.path();
        case DATASET_TABLE -> store.path(dataset).field("table");
        case DATASET -> store.path(dataset);
      };
    }

    ObjectPath otherwise(IngestedDatastore store, IngestedDataset dataset) {
      return switch (this) {
        case SLOT_NAME, PUBLICATION_NAME -> store.path().field("capture");
        case DATASTORE -> store.path();
        case DATASET_TABLE, DATASET -> store.path(dataset);
      };
    }
  }

  /**
   * Who derives a name first: what it names, the name, and the platform, datastore and dataset
   * ({@code null} for a datastore's own names) it is derived for, at {@code place}. A large model
   * makes millions of claims, so the owner's words and the paths are made only for a collision.
   */
  private record Claim(
      String what,
      String name,
      Platform platform,
      IngestedDatastore store,
      IngestedDataset dataset,
      Place place) {

    /** Whose the name is: {@code dataset 'crm.customers' on platform 'zero'}. */
    String owner() {
      String on = " on platform '" + platform.name() + "'";
      return dataset == null
          ? "datastore '" + store.datastore().name() + "'" + on
          : "dataset '" + store.datastore().name() + "." + dataset.dataset().name() + "'" + on;
    }

    /** Where the name is written: the field when the model file writes it, else its object. */
    ObjectPath at(Model model) {
      ObjectPath field = place.field(store, dataset);
      ObjectPath otherwise = place.otherwise(store, dataset);
      return field.equals(otherwise) || model.sources().exact(field).isEmpty() ? otherwise : field;
    }

    /** Names of one namespace must be unique: tables with tables, topics with topics. */
    String namespace() {
      return what.endsWith("table") ? "table" : what;
    }
  }

  /** The claims made so far; one finding per place, however many of its names collide. */
  private record Claims(Model model, Findings findings, Set<ObjectPath> reported) {

    /**
     * Records {@code claim} in its namespace of {@code claims}, or reports it when another owner
     * derived the same name before.
     */
    void claim(Map<String, Map<String, Claim>> claims, Claim claim) {
      Claim first =
          claims
              .computeIfAbsent(claim.namespace(), namespace -> new HashMap<>())
              .putIfAbsent(claim.name(), claim);
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
