package dev.zdp.model.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.zdp.model.SourceLocation;
import dev.zdp.model.load.YamlNode.Entry;
import dev.zdp.model.load.YamlNode.ListNode;
import dev.zdp.model.load.YamlNode.MapNode;
import dev.zdp.model.load.YamlNode.ScalarNode;
import dev.zdp.model.load.YamlNode.ScalarType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one file into location-aware YAML trees, one per document: with {@link SubsetYamlReader}
 * when the file keeps to the part of YAML model files are written in (nearly always, and several
 * times faster), else with Jackson's streaming YAML parser over SnakeYAML. Syntax errors, duplicate
 * keys, aliases and undecodable bytes become {@link LoadProblem}s; documents before a syntax error
 * are kept.
 */
final class YamlReader {

  /** A file's documents (empty documents skipped), with the index each had in the file. */
  record Document(int index, YamlNode root) {}

  private static final int MAX_DEPTH = 64;

  /** How Jackson starts its message for a key that is a list or mapping (a YAML complex key). */
  private static final String COMPLEX_KEY = "Expected a field name";

  private final YAMLFactory factory;
  private final Interner interner;

  YamlReader() {
    this(new Interner());
  }

  /** A reader whose short scalar texts are shared through {@code interner}. */
  YamlReader(Interner interner) {
    this.interner = interner;
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    options.setMaxAliasesForCollections(0);
    this.factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build())
            .build();
  }

  Interner interner() {
    return interner;
  }

  List<Document> read(SourceFile file, List<LoadProblem> problems) {
    Optional<String> text = decode(file, problems);
    if (text.isEmpty()) {
      return List.of();
    }
    Optional<List<Document>> common = SubsetYamlReader.read(file.path(), text.get(), interner);
    if (common.isPresent()) {
      return common.get();
    }
    return readWithSnakeYaml(file.path(), text.get(), problems);
  }

  /** Reads the text with SnakeYAML (through Jackson's parser), whatever YAML it holds. */
  List<Document> readWithSnakeYaml(String path, String text, List<LoadProblem> problems) {
    List<Document> documents = new ArrayList<>();
    int index = 0;
    try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
      Reading reading = new Reading(path, parser, problems, interner);
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        index++;
        YamlNode root = reading.node(token, 0);
        if (!isEmptyDocument(root)) {
          documents.add(new Document(index, root));
        }
      }
    } catch (JsonProcessingException e) {
      problems.add(syntaxProblem(path, e));
    } catch (DepthExceeded e) {
      problems.add(
          new LoadProblem(
              LoadProblem.Code.YAML_SYNTAX,
              "the document nests deeper than " + MAX_DEPTH + " levels",
              e.at,
              Optional.empty(),
              "a model document is a few levels deep; check the indentation"));
    } catch (IOException e) {
      problems.add(
          new LoadProblem(
              LoadProblem.Code.UNREADABLE_FILE,
              "cannot read the file: " + e.getMessage(),
              SourceLocation.fileStart(path),
              Optional.empty(),
              ""));
    }
    return documents;
  }

  /** A document with nothing in it: only comments, or nothing between two {@code ---}. */
  private static boolean isEmptyDocument(YamlNode root) {
    return root instanceof ScalarNode scalar
        && (scalar.type() == ScalarType.NULL || scalar.text().isEmpty());
  }

  private static Optional<String> decode(SourceFile file, List<LoadProblem> problems) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(file.content()))
              .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      problems.add(
          new LoadProblem(
              LoadProblem.Code.UNREADABLE_FILE,
              "the file is not UTF-8 text",
              SourceLocation.fileStart(file.path()),
              Optional.empty(),
              "save it as UTF-8"));
      return Optional.empty();
    }
  }

  private static LoadProblem syntaxProblem(String file, JsonProcessingException e) {
    SourceLocation at = locate(file, e.getLocation());
    String message = e.getOriginalMessage();
    if (e.getCause() instanceof MarkedYAMLException marked) {
      Mark mark = marked.getProblemMark();
      if (mark != null) {
        at = new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
      }
      message = join(marked.getContext(), marked.getProblem());
    }
    if (message != null && message.startsWith(COMPLEX_KEY)) {
      return new LoadProblem(
          LoadProblem.Code.YAML_SYNTAX,
          "a mapping key must be a plain value: a list or mapping used as a key ('? ...') is not"
              + " part of the model format",
          at,
          Optional.empty(),
          "write the key as a word, for example 'name: value'");
    }
    return new LoadProblem(
        LoadProblem.Code.YAML_SYNTAX,
        "invalid YAML: " + firstLines(message),
        at,
        Optional.empty(),
        "check the indentation (spaces, not tabs), colons after keys and closing brackets and"
            + " quotes");
  }

  private static String join(String context, String problem) {
    if (context == null || context.isBlank()) {
      return problem == null ? "" : problem;
    }
    return problem == null ? context : context + ": " + problem;
  }

  /** SnakeYAML messages repeat the source with a caret; keep the words only, on one line. */
  private static String firstLines(String message) {
    if (message == null) {
      return "unreadable";
    }
    List<String> kept = new ArrayList<>();
    for (String line : message.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("in '") || trimmed.equals("^")) {
        continue;
      }
      if (line.startsWith("    ")) {
        continue;
      }
      kept.add(trimmed);
    }
    return kept.isEmpty() ? message.strip() : String.join(": ", kept);
  }

  static SourceLocation locate(String file, JsonLocation location) {
    if (location == null) {
      return SourceLocation.fileStart(file);
    }
    return new SourceLocation(
        file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  /** A tag as written: {@code !!str} for YAML's own tags, {@code !name} for local ones. */
  static String shortTag(String tag) {
    String yamlTags = "tag:yaml.org,2002:";
    return tag.startsWith(yamlTags) ? "!!" + tag.substring(yamlTags.length()) : "!" + tag;
  }

  /** Thrown out of the recursion when a document is too deep to be a model document. */
  private static final class DepthExceeded extends RuntimeException {
    final transient SourceLocation at;

    DepthExceeded(SourceLocation at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  /** The state of reading one file. */
  private static final class Reading {
    private final String file;
    private final YAMLParser parser;
    private final List<LoadProblem> problems;
    private final Interner interner;

    Reading(String file, YAMLParser parser, List<LoadProblem> problems, Interner interner) {
      this.file = file;
      this.parser = parser;
      this.problems = problems;
      this.interner = interner;
    }

    YamlNode node(JsonToken token, int depth) throws IOException {
      SourceLocation at = locate(file, parser.currentTokenLocation());
      if (depth > MAX_DEPTH) {
        throw new DepthExceeded(at);
      }
      String tag = parser.getTypeId();
      if (tag != null) {
        problems.add(
            new LoadProblem(
                LoadProblem.Code.YAML_TAG,
                "YAML tag '" + shortTag(tag) + "' is ignored: zdp reads the value as if untagged",
                at,
                Optional.empty(),
                "remove the tag; quote a value to make it text"));
      }
      return switch (token) {
        case START_OBJECT -> map(at, depth);
        case START_ARRAY -> list(at, depth);
        case VALUE_STRING -> scalar(at, parser.isCurrentAlias());
        case VALUE_NUMBER_INT -> new ScalarNode(at, parser.getText(), ScalarType.INTEGER);
        case VALUE_NUMBER_FLOAT -> new ScalarNode(at, parser.getText(), ScalarType.DECIMAL);
        case VALUE_TRUE, VALUE_FALSE -> new ScalarNode(at, parser.getText(), ScalarType.BOOLEAN);
        case VALUE_NULL -> new ScalarNode(at, "", ScalarType.NULL);
        default -> new ScalarNode(at, interner.text(parser.getText()), ScalarType.STRING);
      };
    }

    private ScalarNode scalar(SourceLocation at, boolean alias) throws IOException {
      if (alias) {
        problems.add(
            new LoadProblem(
                LoadProblem.Code.INVALID_VALUE,
                "YAML aliases (*" + parser.getText() + ") are not supported in model files",
                at,
                Optional.empty(),
                "write the value out in full"));
        return new ScalarNode(at, "", ScalarType.NULL);
      }
      return new ScalarNode(at, interner.text(parser.getText()), ScalarType.STRING);
    }

    private MapNode map(SourceLocation at, int depth) throws IOException {
      Map<String, Entry> entries = new LinkedHashMap<>();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        SourceLocation keyAt = locate(file, parser.currentTokenLocation());
        YamlNode value = node(parser.nextToken(), depth + 1);
        Entry first = entries.get(key);
        if (first == null) {
          entries.put(key, new Entry(key, keyAt, value));
        } else {
          problems.add(
              new LoadProblem(
                  LoadProblem.Code.DUPLICATE_KEY,
                  "duplicate key '" + key + "' (first at line " + first.keyAt().line() + ")",
                  keyAt,
                  Optional.empty(),
                  "remove one of them; the first one is used"));
        }
      }
      if (token != JsonToken.END_OBJECT) {
        throw new JsonParseExceptionAt(parser, "unexpected " + token);
      }
      return new MapNode(at, entries);
    }

    private ListNode list(SourceLocation at, int depth) throws IOException {
      List<YamlNode> items = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw new JsonParseExceptionAt(parser, "unexpected end of document");
        }
        items.add(node(token, depth + 1));
      }
      return new ListNode(at, items);
    }
  }

  /** A structural surprise in the token stream, reported like a syntax error. */
  private static final class JsonParseExceptionAt extends JsonProcessingException {
    JsonParseExceptionAt(YAMLParser parser, String message) {
      super(message, parser.currentTokenLocation());
    }
  }
}
