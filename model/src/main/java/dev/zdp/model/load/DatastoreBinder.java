package dev.zdp.model.load;

import dev.zdp.model.Capture;
import dev.zdp.model.Column;
import dev.zdp.model.ColumnType;
import dev.zdp.model.Dataset;
import dev.zdp.model.Datastore;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.ProductionStatus;
import dev.zdp.model.load.LoadProblem.Code;
import dev.zdp.model.load.YamlNode.MapNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds a Datastore document: its capture and its datasets with their columns. */
final class DatastoreBinder {

  private static final Map<String, String> SPEC_KEYS =
      Map.of(
          "capture", "spec",
          "datasets", "spec",
          "productionStatus", "spec",
          "deprecated", "spec");

  private DatastoreBinder() {}

  static Optional<Datastore> bind(DocumentBinder.Header header, Binding binding) {
    Fields meta = header.metadata();
    String team = meta.requiredText("team");
    String description = meta.text("description", "");
    meta.finish(SPEC_KEYS);
    Fields spec = header.spec();
    ProductionStatus status =
        spec.choice("productionStatus", Vocabulary.PRODUCTION_STATUS)
            .orElse(ProductionStatus.NOT_PRODUCTION);
    boolean deprecated = spec.bool("deprecated", false);
    Optional<Capture> capture =
        spec.requiredMap("capture", "capture of Datastore '" + header.name() + "'")
            .flatMap(DatastoreBinder::capture);
    List<Dataset> datasets =
        spec.mapList(
            "datasets", (node, index) -> dataset(node, index, header.path(), binding), "a dataset");
    spec.finish(Map.of("team", "metadata", "description", "metadata", "name", "metadata"));
    if (meta.failed() || spec.failed() || capture.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Datastore(
            header.name(), team, description, status, deprecated, capture.get(), datasets));
  }

  private static Optional<Capture> capture(Fields f) {
    String type = f.requiredText("type");
    String host = f.requiredText("host");
    int port = f.integer("port", Capture.POSTGRES_DEFAULT_PORT, 1, 65_535);
    String database = f.requiredText("database");
    String credential = f.requiredText("credential");
    Optional<String> slotName = f.text("slotName");
    Optional<String> publicationName = f.text("publicationName");
    f.finish();
    if (f.failed()) {
      return Optional.empty();
    }
    return Optional.of(
        new Capture(type, host, port, database, credential, slotName, publicationName));
  }

  private static Optional<Dataset> dataset(
      MapNode node, int index, ObjectPath datastore, Binding binding) {
    Optional<Fields> element =
        Fields.namedElement(node, datastore, "datasets", index, "dataset", binding);
    if (element.isEmpty()) {
      return Optional.empty();
    }
    Fields f = element.get();
    String name = f.name();
    String table = f.text("table", "public." + name);
    String description = f.text("description", "");
    List<String> classifications = f.textList("classifications");
    boolean deprecated = f.bool("deprecated", false);
    Optional<Duration> freshness = f.duration("freshness");
    List<Column> columns =
        f.mapList("columns", (n, i) -> column(n, i, f.path(), binding), "a column");
    f.finish();
    if (f.failed()) {
      return Optional.empty();
    }
    return Optional.of(
        new Dataset(name, table, description, classifications, deprecated, columns, freshness));
  }

  private static Optional<Column> column(
      MapNode node, int index, ObjectPath dataset, Binding binding) {
    Optional<Fields> element =
        Fields.namedElement(node, dataset, "columns", index, "column", binding);
    if (element.isEmpty()) {
      return Optional.empty();
    }
    Fields f = element.get();
    String typeText = f.requiredText("type");
    boolean nullable = f.bool("nullable", true);
    boolean primaryKey = f.bool("primaryKey", false);
    String description = f.text("description", "");
    f.finish();
    if (typeText == null) {
      return Optional.empty();
    }
    ColumnType.Parsed parsed = binding.interner().columnType(typeText);
    if (parsed.type().isEmpty()) {
      ObjectPath typePath = f.path().field("type");
      binding.problem(
          Code.INVALID_VALUE,
          "column '" + f.name() + "': " + parsed.problem().orElseThrow(),
          f.valueAt("type"),
          typePath,
          "");
      return Optional.empty();
    }
    if (f.failed()) {
      return Optional.empty();
    }
    return Optional.of(
        new Column(f.name(), parsed.type().get(), nullable, primaryKey, description));
  }
}
