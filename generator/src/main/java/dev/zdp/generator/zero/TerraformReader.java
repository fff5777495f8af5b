package dev.zdp.generator.zero;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import dev.zdp.generator.plan.Block;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one reader of Zero's rendered Terraform, with hcl4j (a Java HCL parser): into resources by
 * address, so that {@link ZeroChanges} can compare two renders the way Terraform would see them
 * (references to variables kept as text, {@code var.kafka_bootstrap_servers}, not resolved), and
 * into the parsed files and declared variables the sandbox applies (with values of its own).
 */
public final class TerraformReader {

  private TerraformReader() {}

  /**
   * A variable a file declares.
   *
   * @param defaultValue its {@code default} as hcl4j reads it (a number is a {@link Double})
   */
  public record Variable(String name, boolean sensitive, Optional<Object> defaultValue) {}

  /** Thrown when a rendered file is not valid HCL; names the file. */
  public static final class InvalidHclException extends RuntimeException {
    InvalidHclException(String file, Exception cause) {
      super("Cannot parse generated " + file + " as HCL: " + cause.getMessage(), cause);
    }
  }

  /** Parses one file on its own; what a test uses to prove a file is valid HCL. */
  public static Map<String, Object> parse(String file, byte[] content) {
    return parse(file, new String(content, StandardCharsets.UTF_8), Map.of());
  }

  /** The variables {@code text} declares, in file order. */
  public static List<Variable> variables(String file, String text) {
    List<Variable> declared = new ArrayList<>();
    if (parse(file, text, Map.of()).get("variable") instanceof Map<?, ?> vars) {
      vars.forEach(
          (name, body) -> {
            Map<?, ?> fields = body instanceof Map<?, ?> b ? b : Map.of();
            declared.add(
                new Variable(
                    String.valueOf(name),
                    Boolean.TRUE.equals(fields.get("sensitive")),
                    Optional.ofNullable(fields.get("default"))));
          });
    }
    return declared;
  }

  /**
   * Reads the {@code .tf} files of one root module into blocks by address: {@code <type>.<name>}
   * for resources, {@code var.<name>} for variables.
   */
  public static SortedMap<String, Block> readModule(Map<String, byte[]> files) {
    return readModule(files, Set.of());
  }

  /**
   * Reads a module's blocks except those of the files in {@code leftOut}, which are still read for
   * the variables they declare: a plan leaves out the files both sides render byte for byte alike,
   * whose blocks cannot differ.
   */
  static SortedMap<String, Block> readModule(Map<String, byte[]> files, Set<String> leftOut) {
    return readModule(files, leftOut, new Declarations());
  }

  /**
   * Reads a module's blocks like {@link #readModule(Map, Set)}, taking the variables a file
   * declares from {@code declarations} when a file of the same text was read for them before: the
   * two sides of a plan share their large {@code variables.tf} (3 MB at 10,000 datastores).
   */
  static SortedMap<String, Block> readModule(
      Map<String, byte[]> files, Set<String> leftOut, Declarations declarations) {
    Map<String, String> texts = new TreeMap<>();
    files.forEach((k, v) -> texts.put(k, new String(v, StandardCharsets.UTF_8)));
    Map<String, Object> variables = new HashMap<>();
    Set<String> sensitiveVariables = new TreeSet<>();
    Set<String> referenced = referencedVariables(texts, leftOut);
    texts.forEach(
        (file, text) -> {
          // A file without the word declares no variable: skip parsing it twice (hcl4j's lexer is
          // most of a plan's time, and a module has one file per datastore).
          if (!text.contains("variable")) {
            return;
          }
          // A file left out gives only the variables the parsed files may reference.
          Declared declared =
              leftOut.contains(file)
                  ? Declarations.of(file, text, referenced)
                  : declarations.of(file, text);
          declared.names().forEach(name -> variables.put(name, "var." + name));
          declared.sensitive().forEach(name -> sensitiveVariables.add("var." + name));
        });
    SortedMap<String, Block> blocks = new TreeMap<>();
    texts.forEach(
        (file, text) -> {
          if (leftOut.contains(file)) {
            return;
          }
          Map<String, Object> parsed = parse(file, text, variables);
          if (parsed.get("resource") instanceof Map<?, ?> types) {
            types.forEach(
                (type, named) -> {
                  if (named instanceof Map<?, ?> byName) {
                    byName.forEach(
                        (name, body) ->
                            blocks.put(
                                type + "." + name,
                                block(file, String.valueOf(type), body, sensitiveVariables)));
                  }
                });
          }
          if (parsed.get("variable") instanceof Map<?, ?> vars) {
            vars.forEach(
                (name, body) -> {
                  Block block = block(file, "variable", body, Set.of());
                  Set<String> sensitive =
                      sensitiveVariables.contains("var." + name)
                          ? block.attributes().keySet()
                          : Set.of();
                  blocks.put(
                      "var." + name,
                      new Block(file, "variable", block.attributes(), Set.copyOf(sensitive)));
                });
          }
        });
    return blocks;
  }

  private static final Pattern VARIABLE_REFERENCE = Pattern.compile("var\\.([A-Za-z0-9_-]+)");

  /**
   * The names after every {@code var.} in the files not left out: all the variables their blocks
   * can reference (and maybe more), so the only declarations their reading depends on.
   */
  private static Set<String> referencedVariables(Map<String, String> texts, Set<String> leftOut) {
    Set<String> names = new HashSet<>();
    texts.forEach(
        (file, text) -> {
          if (!leftOut.contains(file)) {
            Matcher reference = VARIABLE_REFERENCE.matcher(text);
            while (reference.find()) {
              names.add(reference.group(1));
            }
          }
        });
    return names;
  }

  /** The variables one file declares, and which of them are sensitive. */
  private record Declared(List<String> names, List<String> sensitive) {}

  /** The variables files declare, by file text: the same text is parsed for them once. */
  static final class Declarations {
    private final Map<String, Declared> byText = new HashMap<>();

    private Declared of(String file, String text) {
      Declared known = byText.get(text);
      if (known == null) {
        known = parseDeclarations(file, text);
        byText.put(text, known);
      }
      return known;
    }

    /**
     * The declarations of {@code wanted} names in {@code text}: only its top-level blocks that
     * mention one of them are parsed (a plan's files reference a few of the thousands of variables
     * a large {@code variables.tf} declares). When those blocks do not parse on their own, the
     * whole text is parsed.
     */
    private static Declared of(String file, String text, Set<String> wanted) {
      StringBuilder mentioning = new StringBuilder();
      for (int start = 0; start < text.length(); ) {
        int end = pieceEnd(text, start, 1);
        String block = text.substring(start, end);
        if (wanted.stream().anyMatch(block::contains)) {
          mentioning.append(block);
        }
        start = end;
      }
      try {
        return parseDeclarations(file, mentioning.toString());
      } catch (InvalidHclException e) {
        return parseDeclarations(file, text);
      }
    }

    private static Declared parseDeclarations(String file, String text) {
      List<Variable> variables = variables(file, text);
      return new Declared(
          variables.stream().map(Variable::name).toList(),
          variables.stream().filter(Variable::sensitive).map(Variable::name).toList());
    }
  }

  /** Files above this size are parsed a group of top-level blocks at a time; see below. */
  static final int CHUNK_CHARS = 32 * 1024;

  /**
   * Parses a file with hcl4j. hcl4j takes time that grows faster than the text (a 336 KB
   * variables.tf of 1,000 datastores: 1.7 s, half of it 0.5 s), so a large file is cut after
   * top-level blocks (a line holding only a closing brace) into pieces of about {@link
   * #CHUNK_CHARS} that are parsed on their own and merged. If a cut was not a block's end after all
   * (a heredoc holding such a line), a piece fails and the whole file is parsed at once.
   *
   * @param variables the value of each {@code var.<name>} the file may reference
   * @throws InvalidHclException when the file is not valid HCL
   */
  public static Map<String, Object> parse(String file, String text, Map<String, Object> variables) {
    if (text.length() > CHUNK_CHARS) {
      Optional<Map<String, Object>> merged = parseInPieces(text, variables);
      if (merged.isPresent()) {
        return merged.get();
      }
    }
    try {
      return parseWhole(text, variables);
    } catch (HCLParserException | IOException | RuntimeException e) {
      throw new InvalidHclException(file, e);
    }
  }

  private static Map<String, Object> parseWhole(String text, Map<String, Object> variables)
      throws HCLParserException, IOException {
    HCLParser parser = new HCLParser();
    parser.setVariables(new HashMap<>(variables));
    return parser.parse(text);
  }

  /** Parses the pieces on the common fork-join pool's threads, and merges them in order. */
  private static Optional<Map<String, Object>> parseInPieces(
      String text, Map<String, Object> variables) {
    List<String> pieces = new ArrayList<>();
    for (int start = 0; start < text.length(); ) {
      int end = pieceEnd(text, start, CHUNK_CHARS);
      pieces.add(text.substring(start, end));
      start = end;
    }
    List<Optional<Map<String, Object>>> parsed =
        pieces.parallelStream().map(piece -> parsePiece(piece, variables)).toList();
    Map<String, Object> merged = new LinkedHashMap<>();
    for (Optional<Map<String, Object>> piece : parsed) {
      if (piece.isEmpty()) {
        return Optional.empty();
      }
      mergeInto(merged, piece.get());
    }
    return Optional.of(merged);
  }

  private static Optional<Map<String, Object>> parsePiece(
      String piece, Map<String, Object> variables) {
    try {
      return Optional.of(parseWhole(piece, variables));
    } catch (HCLParserException | IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static final Pattern BLOCK_START =
      Pattern.compile("(?:resource|data|variable|output|provider|module|locals|terraform)[ {\"]");

  /**
   * Where the piece starting at {@code start} ends: after the first line holding only "}" at or
   * past {@code size} characters whose next non-blank line opens a top-level block; else the text's
   * end.
   */
  private static int pieceEnd(String text, int start, int size) {
    int from = start + size;
    while (from < text.length()) {
      int close = text.indexOf("\n}\n", from);
      if (close < 0) {
        break;
      }
      int end = close + 3;
      int next = end;
      while (next < text.length() && text.charAt(next) == '\n') {
        next++;
      }
      if (BLOCK_START.matcher(text).region(next, text.length()).lookingAt()) {
        return end;
      }
      from = end;
    }
    return text.length();
  }

  /** Merges the block maps of two pieces: {@code resource -> type -> name -> body}. */
  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> into, Map<String, Object> piece) {
    piece.forEach(
        (key, value) -> {
          Object existing = into.get(key);
          if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
            Map<String, Object> both = new LinkedHashMap<>((Map<String, Object>) a);
            mergeInto(both, (Map<String, Object>) b);
            into.put(key, both);
          } else {
            into.put(key, value);
          }
        });
  }

  private static Block block(
      String file, String type, Object body, Set<String> sensitiveVariables) {
    SortedMap<String, String> attributes = new TreeMap<>();
    Set<String> sensitive = new TreeSet<>();
    if (body instanceof Map<?, ?> map) {
      flatten("", map, attributes);
    }
    attributes.forEach(
        (key, value) -> {
          if (key.startsWith("config_sensitive") || sensitiveVariables.contains(value)) {
            sensitive.add(key);
          }
        });
    return new Block(file, type, attributes, Set.copyOf(sensitive));
  }

  private static void flatten(String prefix, Map<?, ?> map, SortedMap<String, String> out) {
    map.forEach(
        (k, v) -> {
          String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "[\"" + k + "\"]";
          if (v instanceof Map<?, ?> nested) {
            flatten(key, nested, out);
          } else {
            out.put(key, text(v));
          }
        });
  }

  private static String text(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return String.valueOf(d.longValue());
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(TerraformReader::text).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(value);
  }

  /** The list form of a comma-separated attribute value, for comparing table lists. */
  static List<String> csv(String value) {
    return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
  }
}
