package dev.zdp.model.platform.zero;

import dev.zdp.model.Capture;
import dev.zdp.model.Column;
import dev.zdp.model.ColumnType;
import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.Platform;
import dev.zdp.model.ProductionStatus;
import java.util.List;
import java.util.Optional;

/** Small records for the Zero naming tests. */
final class ZeroFixtures {

  private ZeroFixtures() {}

  static Platform zero() {
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
            Optional.empty(),
            "staging",
            "corpus",
            60000));
  }

  static Column key(String name) {
    return new Column(name, ColumnType.of(ColumnType.Base.BIGINT), false, true, "");
  }

  static Dataset dataset(String name, Column... columns) {
    return new Dataset(name, "public." + name, "", List.of("pii"), false, List.of(columns));
  }

  static Datastore datastore(String name, Dataset... datasets) {
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
}
