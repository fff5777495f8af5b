package dev.zdp.generator;

import dev.zdp.model.Capture;
import dev.zdp.model.Column;
import dev.zdp.model.ColumnType;
import dev.zdp.model.Dataset;
import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Datastore;
import dev.zdp.model.Declaration;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Milestoning;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.ProductionStatus;
import dev.zdp.model.RepositoryRef;
import dev.zdp.model.Requirements;
import dev.zdp.model.Sink;
import dev.zdp.model.SourceMap;
import dev.zdp.model.Team;
import dev.zdp.model.Workspace;
import dev.zdp.model.Zone;
import dev.zdp.model.ZonePolicies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;

/** Models built from records, as the loader would bind them. */
public final class TestModels {

  private TestModels() {}

  public static Platform zero() {
    return new Platform(
        "zero",
        Platform.ZERO,
        "",
        new Platform.KafkaSettings("kafka:9092", 3, 1, false, Optional.empty()),
        new Platform.ConnectSettings("http://connect:8083", Optional.empty()),
        new Platform.IcebergSettings(
            new Platform.CatalogSettings(
                "rest", Optional.of("http://iceberg-rest:8181"), Optional.empty()),
            "s3://lake/warehouse",
            Optional.of(
                new Platform.S3Settings(
                    Optional.of("http://minio:9000"), true, "us-east-1", Optional.of("lake"))),
            "staging",
            "corpus",
            60000));
  }

  public static Column key(String name) {
    return new Column(name, ColumnType.of(ColumnType.Base.BIGINT), false, true, "");
  }

  public static Column column(String name, String type) {
    return new Column(name, ColumnType.parse(type).type().orElseThrow(), true, false, "");
  }

  public static Dataset dataset(String name, Column... columns) {
    return new Dataset(name, "public." + name, "", List.of("pii"), false, List.of(columns));
  }

  public static Datastore datastore(String name, Dataset... datasets) {
    return new Datastore(
        name,
        "customer_team",
        "",
        ProductionStatus.PRODUCTION,
        false,
        new Capture(
            Capture.POSTGRES_CDC,
            name + "-db.internal",
            5432,
            name,
            name + "_db",
            Optional.empty(),
            Optional.empty()),
        List.of(datasets));
  }

  public static DatasetGroup group(String name, String platform, Sink... sinks) {
    return new DatasetGroup(name, Optional.of(platform), Optional.empty(), List.of(sinks));
  }

  public static DatasetGroup forensicGroup(String name, Sink... sinks) {
    return new DatasetGroup(
        name,
        Optional.empty(),
        Optional.of(new Requirements(Milestoning.FORENSIC)),
        List.of(sinks));
  }

  public static Sink sink(String datastore, String dataset) {
    return new Sink(datastore, dataset, false);
  }

  public static Workspace workspace(String name, DatasetGroup... groups) {
    return new Workspace(
        name, "analytics_team", "", ProductionStatus.PRODUCTION, false, List.of(groups));
  }

  public static Ecosystem ecosystem(Platform... platforms) {
    return new Ecosystem(
        "acme",
        "",
        RepositoryRef.parse("acme/data-model@main").orElseThrow(),
        "main",
        List.of(
            new Declaration("americas", RepositoryRef.parse("acme/data-model@main").orElseThrow())),
        List.of(platforms),
        java.util.Map.of());
  }

  /** crm (customers, orders) and billing (invoices, unused payments); churn and audit consume. */
  public static Model acme() {
    return acme(UnaryOperator.identity());
  }

  public static Model acme(UnaryOperator<List<Object>> reorder) {
    Datastore crm =
        datastore(
            "crm",
            dataset(
                "customers",
                key("id"),
                column("email", "varchar(320)"),
                column("created_at", "timestamptz")),
            dataset(
                "orders",
                key("id"),
                column("customer_id", "bigint"),
                column("amount", "decimal(12,2)"),
                column("placed_on", "date")));
    Datastore billing =
        datastore(
            "billing",
            dataset("invoices", key("id"), column("total", "decimal(12,2)"), column("doc", "json")),
            dataset("payments", key("id"), column("paid", "boolean")));
    Workspace churn =
        workspace(
            "churn", group("crm_feed", "zero", sink("crm", "customers"), sink("crm", "orders")));
    Workspace audit =
        workspace(
            "audit",
            forensicGroup("history", sink("crm", "customers"), sink("billing", "invoices")));
    List<Object> all = new ArrayList<>(List.of(crm, billing, churn, audit));
    all = reorder.apply(all);
    return model(ecosystem(zero()), all);
  }

  public static Model model(Ecosystem ecosystem, List<Object> objects) {
    List<Datastore> stores = new ArrayList<>();
    List<Workspace> workspaces = new ArrayList<>();
    for (Object o : objects) {
      if (o instanceof Datastore d) {
        stores.add(d);
      } else if (o instanceof Workspace w) {
        workspaces.add(w);
      }
    }
    return new Model(
        Optional.of(ecosystem),
        List.of(new Zone("americas", "", List.of(), ZonePolicies.NONE)),
        List.of(
            new Team("customer_team", "americas", "", ""),
            new Team("analytics_team", "americas", "", "")),
        stores,
        workspaces,
        SourceMap.empty(),
        List.of());
  }

  /** Shuffles the documents and every list inside them that order must not matter for. */
  public static UnaryOperator<List<Object>> shuffled(long seed) {
    Random random = new Random(seed);
    return objects -> {
      List<Object> out = new ArrayList<>();
      for (Object o : objects) {
        if (o instanceof Datastore d) {
          List<Dataset> datasets = new ArrayList<>(d.datasets());
          Collections.shuffle(datasets, random);
          out.add(
              new Datastore(
                  d.name(),
                  d.team(),
                  d.description(),
                  d.productionStatus(),
                  d.deprecated(),
                  d.capture(),
                  datasets));
        } else if (o instanceof Workspace w) {
          List<DatasetGroup> groups = new ArrayList<>();
          for (DatasetGroup g : w.datasetGroups()) {
            List<Sink> sinks = new ArrayList<>(g.sinks());
            Collections.shuffle(sinks, random);
            groups.add(new DatasetGroup(g.name(), g.platform(), g.requirements(), sinks));
          }
          Collections.shuffle(groups, random);
          out.add(
              new Workspace(
                  w.name(),
                  w.team(),
                  w.description(),
                  w.productionStatus(),
                  w.deprecated(),
                  groups));
        } else {
          out.add(o);
        }
      }
      Collections.shuffle(out, random);
      return out;
    };
  }
}
