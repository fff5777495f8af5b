package dev.zdp.model.load;

import dev.zdp.model.Kind;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.SourceLocation;
import dev.zdp.model.Suggestions;
import dev.zdp.model.load.LoadProblem.Code;
import dev.zdp.model.load.YamlNode.MapNode;
import dev.zdp.model.load.YamlNode.ScalarNode;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a document's header ({@code apiVersion}, {@code kind}, {@code metadata.name}) and hands its
 * metadata and spec to the binder of its kind.
 */
final class DocumentBinder {

  static final String API_VERSION = "zdp/v1";

  /** A document whose header was read: its kind, name, and the two mappings to bind. */
  record Header(Kind kind, String name, ObjectPath path, Fields metadata, Fields spec) {}

  private DocumentBinder() {}

  static Optional<Header> header(String file, YamlReader.Document document, Binding binding) {
    YamlNode root = document.root();
    if (!(root instanceof MapNode map)) {
      binding.problem(
          Code.DOCUMENT_HEADER,
          "document "
              + document.index()
              + " is "
              + root.describe()
              + "; a model document is a mapping with apiVersion, kind, metadata and spec",
          root.at(),
          null,
          "start the document with apiVersion: " + API_VERSION);
      return Optional.empty();
    }
    ObjectPath documentPath = ObjectPath.document(file, document.index());
    binding.document(documentPath);
    Fields top = new Fields(map, documentPath, binding, "the document");
    int before = binding.problemCount();
    Optional<String> apiVersion = top.text("apiVersion");
    Optional<String> kindText = top.text("kind");
    if (apiVersion.isEmpty() || kindText.isEmpty()) {
      String missing =
          apiVersion.isEmpty() && kindText.isEmpty()
              ? "apiVersion and kind"
              : apiVersion.isEmpty() ? "apiVersion" : "kind";
      binding.problem(
          Code.DOCUMENT_HEADER,
          "document " + document.index() + " has no " + missing,
          map.at(),
          null,
          "start every document with apiVersion: "
              + API_VERSION
              + " and kind: one of "
              + String.join(", ", Kind.labels()));
      return Optional.empty();
    }
    if (!apiVersion.get().equals(API_VERSION)) {
      binding.problem(
          Code.DOCUMENT_HEADER,
          "unsupported apiVersion '" + apiVersion.get() + "'; this zdp reads " + API_VERSION,
          valueAt(map, "apiVersion"),
          null,
          "write apiVersion: " + API_VERSION);
      return Optional.empty();
    }
    Optional<Kind> kind = Kind.fromLabel(kindText.get());
    if (kind.isEmpty()) {
      binding.problem(
          Code.UNKNOWN_KIND,
          "unknown kind '" + kindText.get() + "'",
          valueAt(map, "kind"),
          null,
          Suggestions.nearest(kindText.get(), Kind.labels())
              .map(s -> "did you mean '" + s + "'?")
              .orElse("the kinds are " + String.join(", ", Kind.labels())));
      return Optional.empty();
    }
    if (binding.problemCount() > before) {
      return Optional.empty();
    }
    Optional<Fields> metadata = top.requiredMap("metadata", kind.get().label() + " metadata");
    if (metadata.isEmpty()) {
      return Optional.empty();
    }
    String name = metadata.get().requiredText("name");
    if (name == null) {
      return Optional.empty();
    }
    ObjectPath path = ObjectPath.of(kind.get(), name);
    binding.define(path, valueAt(metadataNode(map), "name"));
    Fields meta = retarget(metadata.get(), path, binding, kind.get(), name, "metadata");
    meta.locateValue("name");
    Fields spec =
        top.map("spec", "spec")
            .map(s -> retarget(s, path, binding, kind.get(), name, "spec"))
            .orElseGet(
                () ->
                    new Fields(
                        new MapNode(map.at(), Map.of()),
                        path,
                        binding,
                        describe(kind.get(), name, "spec")));
    top.finish();
    return Optional.of(new Header(kind.get(), name, path, meta, spec));
  }

  /** Metadata and spec fields are fields of the object itself: {@code Datastore/crm/team}. */
  private static Fields retarget(
      Fields fields, ObjectPath path, Binding binding, Kind kind, String name, String part) {
    Fields retargeted = new Fields(fields.node(), path, binding, describe(kind, name, part));
    if (part.equals("metadata")) {
      retargeted.allow("name");
    }
    return retargeted;
  }

  static String describe(Kind kind, String name, String part) {
    return part + " of " + kind.label() + " '" + name + "'";
  }

  private static MapNode metadataNode(MapNode document) {
    return (MapNode) document.entries().get("metadata").value();
  }

  private static SourceLocation valueAt(MapNode map, String key) {
    YamlNode.Entry entry = map.entries().get(key);
    return entry.value() instanceof ScalarNode scalar ? scalar.at() : entry.keyAt();
  }
}
