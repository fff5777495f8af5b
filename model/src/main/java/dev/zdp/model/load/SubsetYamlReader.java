package dev.zdp.model.load;

import dev.zdp.model.SourceLocation;
import dev.zdp.model.load.YamlNode.Entry;
import dev.zdp.model.load.YamlNode.ListNode;
import dev.zdp.model.load.YamlNode.MapNode;
import dev.zdp.model.load.YamlNode.ScalarNode;
import dev.zdp.model.load.YamlNode.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the part of YAML that model files are written in, several times faster than SnakeYAML, and
 * declines everything else so that {@link YamlReader} reads it with SnakeYAML instead.
 *
 * <p>Why it exists: at 10,000 datastores (16,000 files, 100 MB) SnakeYAML's scanner is two thirds
 * of a {@code zdp validate} (docs/performance.md). Model files use a small, regular part of YAML,
 * and this reader handles exactly that part:
 *
 * <ul>
 *   <li>block mappings and block sequences (also a sequence at its key's indentation), indented
 *       with spaces;
 *   <li>flow mappings and flow sequences that end on the line they start on ({@code {name: id,
 *       type: bigint}}, {@code [pii, internal]});
 *   <li>plain scalars on one line, single-quoted and double-quoted scalars on one line (the common
 *       escapes);
 *   <li>comments, blank lines, and {@code ---} between documents.
 * </ul>
 *
 * <p>It declines (returns empty) on anything else: block scalars ({@code |}, {@code >}), anchors,
 * aliases and tags, multi-line scalars and flow collections, directives, {@code ...}, explicit
 * keys, tabs, carriage returns and characters YAML does not allow, and on anything that is not
 * valid YAML, duplicate keys included, so that SnakeYAML reports it with its message. A plain
 * scalar that YAML 1.1 could resolve to something other than text, an integer written in plain
 * decimal, a boolean or null (a float, a date, {@code 0x1F}, {@code 012}, {@code 1_000}) is
 * declined too. What it returns is what {@link YamlReader} returns through SnakeYAML for the same
 * text, node for node, with the same types, texts and locations: {@code SubsetYamlReaderTest}
 * compares the two on every YAML file of the repository and on thousands of mutations of them.
 */
final class SubsetYamlReader {

  private static final int MAX_DEPTH = 64;

  /** Longer keys are not simple keys to SnakeYAML. */
  private static final int MAX_KEY_LENGTH = 1000;

  /** Plain scalars YAML 1.1 resolves to booleans (SnakeYAML's resolver, Jackson's reading). */
  private static final Set<String> BOOLEANS =
      Set.of(
          "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
          "on", "On", "ON", "off", "Off", "OFF");

  private static final Set<String> NULLS = Set.of("null", "Null", "NULL", "~");

  /** The first characters of plain scalars that SnakeYAML may resolve to something not text. */
  private static final String MAYBE_NOT_TEXT = "yYnNtTfFoO-+0123456789.<~=!&*";

  /** The line of the next content, when it is a {@code ---} or {@code ...} line. */
  private static final int DOCUMENT_MARKER = -2;

  private static final int END = -1;

  /** Thrown from anywhere in the reading when the text is outside the subset. */
  private static final class Outside extends RuntimeException {
    private static final Outside INSTANCE = new Outside();

    private Outside() {
      super(null, null, false, false);
    }
  }

  private final String file;

  /** The text, as an array: {@code String.charAt} is a call with C1, zdp's JIT (see bin/zdp). */
  private final char[] s;

  private final int length;
  private final Interner interner;
  private int pos;
  private int line;
  private int lineStart;

  private SubsetYamlReader(String file, String text, Interner interner) {
    this.file = file;
    this.s = text.toCharArray();
    this.length = s.length;
    this.interner = interner;
  }

  /**
   * The documents of the text as {@link YamlReader#read} gives them, or empty when the text is
   * outside the subset.
   */
  static Optional<List<YamlReader.Document>> read(String file, String text, Interner interner) {
    SubsetYamlReader reader = new SubsetYamlReader(file, text, interner);
    if (!reader.allowedCharacters()) {
      return Optional.empty();
    }
    try {
      return Optional.of(reader.documents());
    } catch (Outside | IndexOutOfBoundsException e) {
      // a text cut short (inside a flow collection, say) reads past its end: not valid YAML either
      return Optional.empty();
    }
  }

  /** No tab, carriage return, control character, or character YAML does not allow in a stream. */
  private boolean allowedCharacters() {
    for (char c : s) {
      if (c < 0x20) {
        if (c != '\n') {
          return false;
        }
      } else if (c >= 0x7F
          && (c <= 0x9F
              || c == 0x2028
              || c == 0x2029
              || Character.isSurrogate(c)
              || c >= 0xFFFE
              || c == 0xFEFF)) {
        return false;
      }
    }
    return true;
  }

  private List<YamlReader.Document> documents() {
    List<YamlReader.Document> documents = new ArrayList<>();
    if (length > 0 && s[0] == '%') {
      throw Outside.INSTANCE;
    }
    int indent = firstContent();
    int index = 0;
    boolean started = false;
    while (true) {
      if (indent == END) {
        if (started) {
          index++;
        }
        return documents;
      }
      if (indent == DOCUMENT_MARKER) {
        if (startsWith("...", pos)) {
          throw Outside.INSTANCE;
        }
        if (started) {
          index++;
        }
        pos += 3;
        skipSpaces();
        if (!atLineEnd()) {
          throw Outside.INSTANCE;
        }
        started = true;
        indent = nextContent();
        continue;
      }
      index++;
      started = false;
      YamlNode root = node(-1, 0);
      indent = currentIndent();
      if (indent != END && indent != DOCUMENT_MARKER) {
        throw Outside.INSTANCE;
      }
      // a root is a mapping or a list here: a document that is a lone scalar is declined
      documents.add(new YamlReader.Document(index, root));
    }
  }

  // ---------------------------------------------------------------- lines

  /** Moves to the first content of the text; returns its indentation, END or DOCUMENT_MARKER. */
  private int firstContent() {
    pos = 0;
    line = 0;
    lineStart = 0;
    skipSpaces();
    if (atLineEnd()) {
      return nextContent();
    }
    return currentIndent();
  }

  /**
   * From the end of a line's content (a comment may follow), moves to the first content of the next
   * line that has any and returns its indentation, or END, or DOCUMENT_MARKER.
   */
  private int nextContent() {
    while (true) {
      int newline = pos;
      while (newline < length && s[newline] != '\n') {
        newline++;
      }
      if (newline >= length) {
        pos = length;
        return END;
      }
      pos = newline + 1;
      line++;
      lineStart = pos;
      skipSpaces();
      if (!atLineEnd()) {
        return currentIndent();
      }
    }
  }

  /** The indentation of the content {@link #pos} is at, or END, or DOCUMENT_MARKER. */
  private int currentIndent() {
    if (pos >= length) {
      return END;
    }
    if (pos == lineStart && isDocumentMarker()) {
      return DOCUMENT_MARKER;
    }
    return pos - lineStart;
  }

  private boolean isDocumentMarker() {
    if (!(startsWith("---", pos) || startsWith("...", pos))) {
      return false;
    }
    int after = pos + 3;
    return after >= length || s[after] == ' ' || s[after] == '\n';
  }

  private boolean startsWith(String prefix, int position) {
    if (position + prefix.length() > length) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (s[position + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String text(int from, int to) {
    return new String(s, from, to - from);
  }

  private void skipSpaces() {
    while (pos < length && s[pos] == ' ') {
      pos++;
    }
  }

  /** At the end of the line's content: its end, the text's end, or a comment. */
  private boolean atLineEnd() {
    if (pos >= length) {
      return true;
    }
    char c = s[pos];
    return c == '\n' || (c == '#' && (pos == lineStart || s[pos - 1] == ' '));
  }

  private SourceLocation at(int position) {
    return new SourceLocation(file, line + 1, position - lineStart + 1);
  }

  // ---------------------------------------------------------------- block nodes

  /**
   * Reads the node whose content starts at {@link #pos}, in a block whose parent is indented by
   * {@code parent}; returns with {@link #pos} at the first content after the node.
   */
  private YamlNode node(int parent, int depth) {
    if (depth > MAX_DEPTH) {
      throw Outside.INSTANCE;
    }
    int column = pos - lineStart;
    char c = s[pos];
    if (c == '-' && blankAfter(pos + 1)) {
      return sequence(column, depth);
    }
    if (c == '[' || c == '{') {
      YamlNode flow = flow(depth);
      endOfLine();
      if (nextContentIndent() > parent) {
        throw Outside.INSTANCE;
      }
      return flow;
    }
    if (keyAhead()) {
      return mapping(column, depth);
    }
    throw Outside.INSTANCE;
  }

  /** The indentation of the next content, moving to it. */
  private int nextContentIndent() {
    int indent = nextContent();
    return indent == DOCUMENT_MARKER ? END : indent;
  }

  private boolean blankAfter(int position) {
    return position >= length || s[position] == ' ' || s[position] == '\n';
  }

  /** Whether a key ({@code key:} followed by a blank) starts at {@link #pos}. */
  private boolean keyAhead() {
    char c = s[pos];
    int end;
    if (c == '\'' || c == '"') {
      end = quotedEnd(pos);
    } else if (startsPlain(pos)) {
      end = plainEnd(pos, false);
    } else {
      return false;
    }
    return end < length && s[end] == ':' && blankAfter(end + 1);
  }

  private MapNode mapping(int column, int depth) {
    SourceLocation mapAt = at(pos);
    Map<String, Entry> entries = new LinkedHashMap<>();
    while (true) {
      SourceLocation keyAt = at(pos);
      String key = key(false);
      // pos is at the ':' of the key
      int colon = pos;
      pos++;
      skipSpaces();
      YamlNode value;
      int next;
      if (atLineEnd()) {
        SourceLocation empty = at(colon + 1);
        next = nextContentIndent();
        if (next > column) {
          value = node(column, depth + 1);
          next = contentIndentHere();
        } else if (next == column && s[pos] == '-' && blankAfter(pos + 1)) {
          value = sequence(column, depth + 1);
          next = contentIndentHere();
        } else {
          value = new ScalarNode(empty, "", ScalarType.STRING);
        }
      } else {
        value = value(depth + 1, false);
        endOfLine();
        next = nextContentIndent();
        if (next > column) {
          throw Outside.INSTANCE;
        }
      }
      if (entries.putIfAbsent(key, new Entry(key, keyAt, value)) != null) {
        throw Outside.INSTANCE;
      }
      if (next < column) {
        return new MapNode(mapAt, entries);
      }
      if (next > column || !keyAhead()) {
        throw Outside.INSTANCE;
      }
    }
  }

  /** The indentation of the content {@link #pos} is at after a nested node, END for a marker. */
  private int contentIndentHere() {
    int indent = currentIndent();
    return indent == DOCUMENT_MARKER ? END : indent;
  }

  private ListNode sequence(int column, int depth) {
    SourceLocation listAt = at(pos);
    List<YamlNode> items = new ArrayList<>();
    while (true) {
      int dash = pos;
      pos++;
      skipSpaces();
      YamlNode item;
      int next;
      if (atLineEnd()) {
        SourceLocation empty = at(dash + 1);
        next = nextContentIndent();
        if (next > column) {
          item = node(column, depth + 1);
          next = contentIndentHere();
        } else {
          item = new ScalarNode(empty, "", ScalarType.STRING);
        }
      } else {
        char c = s[pos];
        if (c == '-' && blankAfter(pos + 1)) {
          throw Outside.INSTANCE;
        }
        if (keyAhead()) {
          item = mapping(pos - lineStart, depth + 1);
          next = contentIndentHere();
        } else {
          item = value(depth + 1, false);
          endOfLine();
          next = nextContentIndent();
          if (next > column) {
            throw Outside.INSTANCE;
          }
        }
      }
      items.add(item);
      if (next < column) {
        return new ListNode(listAt, items);
      }
      if (next > column) {
        throw Outside.INSTANCE;
      }
      if (!(s[pos] == '-' && blankAfter(pos + 1))) {
        // a key at the sequence's own indentation ends a sequence written under its key
        return new ListNode(listAt, items);
      }
    }
  }

  /** After a value on its line: only blanks and a comment may follow. */
  private void endOfLine() {
    skipSpaces();
    if (!atLineEnd()) {
      throw Outside.INSTANCE;
    }
  }

  /**
   * A key, plain or quoted, leaving {@link #pos} at its ':'; in a flow mapping blanks may come
   * between a quoted key and its ':'.
   */
  private String key(boolean inFlow) {
    char c = s[pos];
    String key;
    if (c == '\'' || c == '"') {
      key = quoted();
      if (inFlow) {
        skipSpaces();
      }
    } else if (startsPlain(pos)) {
      int start = pos;
      int end = plainEnd(pos, inFlow);
      key = interner.text(text(start, trimEnd(start, end)));
      pos = end;
    } else {
      throw Outside.INSTANCE;
    }
    if (key.length() > MAX_KEY_LENGTH || pos >= length || s[pos] != ':') {
      throw Outside.INSTANCE;
    }
    return key;
  }

  /** A value that starts and ends on this line: a flow collection or a scalar. */
  private YamlNode value(int depth, boolean inFlow) {
    if (pos >= length) {
      throw Outside.INSTANCE;
    }
    char c = s[pos];
    if (c == '[' || c == '{') {
      return flow(depth);
    }
    SourceLocation valueAt = at(pos);
    if (c == '\'' || c == '"') {
      return new ScalarNode(valueAt, interner.text(quoted()), ScalarType.STRING);
    }
    if (!startsPlain(pos)) {
      throw Outside.INSTANCE;
    }
    int start = pos;
    int end = plainEnd(pos, inFlow);
    if (end < length && s[end] == ':') {
      throw Outside.INSTANCE;
    }
    pos = end;
    return plain(valueAt, text(start, trimEnd(start, end)));
  }

  // ---------------------------------------------------------------- flow nodes

  /** A flow mapping or sequence starting at {@link #pos} and ending on the same line. */
  private YamlNode flow(int depth) {
    if (depth > MAX_DEPTH) {
      throw Outside.INSTANCE;
    }
    SourceLocation open = at(pos);
    boolean mapping = s[pos] == '{';
    char close = mapping ? '}' : ']';
    pos++;
    skipSpaces();
    Map<String, Entry> entries = mapping ? new LinkedHashMap<>() : null;
    List<YamlNode> items = mapping ? null : new ArrayList<>();
    if (pos < length && s[pos] == close) {
      pos++;
      return mapping ? new MapNode(open, entries) : new ListNode(open, items);
    }
    while (true) {
      if (mapping) {
        SourceLocation keyAt = at(pos);
        String key = key(true);
        pos++;
        if (!blankAfter(pos)) {
          throw Outside.INSTANCE;
        }
        skipSpaces();
        YamlNode value = value(depth + 1, true);
        if (entries.putIfAbsent(key, new Entry(key, keyAt, value)) != null) {
          throw Outside.INSTANCE;
        }
      } else {
        items.add(value(depth + 1, true));
      }
      skipSpaces();
      char c = pos < length ? s[pos] : '\n';
      if (c == close) {
        pos++;
        return mapping ? new MapNode(open, entries) : new ListNode(open, items);
      }
      if (c != ',') {
        throw Outside.INSTANCE;
      }
      pos++;
      skipSpaces();
      if (pos >= length || s[pos] == close || s[pos] == ',') {
        throw Outside.INSTANCE;
      }
    }
  }

  // ---------------------------------------------------------------- scalars

  /** Whether a plain scalar may start here: not an indicator, nor a blank, nor the line's end. */
  private boolean startsPlain(int position) {
    char c = s[position];
    return switch (c) {
      case ' ',
          '\n',
          '#',
          ',',
          '[',
          ']',
          '{',
          '}',
          '&',
          '*',
          '!',
          '|',
          '>',
          '\'',
          '"',
          '%',
          '@',
          '`' ->
          false;
      case '-' -> !blankAfter(position + 1);
      case '?', ':' -> false;
      default -> true;
    };
  }

  /**
   * Where the plain scalar starting at {@code start} ends on its line: before a {@code :} that a
   * blank follows, before a comment, at the line's end, and in a flow collection also before {@code
   * ,[]{}}; trailing blanks are part of the returned span (see {@link #trimEnd}).
   */
  private int plainEnd(int start, boolean inFlow) {
    int i = start;
    while (i < length) {
      char c = s[i];
      if (c == '\n') {
        return i;
      }
      if (c == ':' && (blankAfter(i + 1) || inFlow)) {
        return i;
      }
      if (c == '#' && s[i - 1] == ' ') {
        return i;
      }
      if (inFlow && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}')) {
        return i;
      }
      i++;
    }
    return i;
  }

  private int trimEnd(int start, int end) {
    while (end > start && s[end - 1] == ' ') {
      end--;
    }
    return end;
  }

  /**
   * The plain scalar's node, typed as SnakeYAML's YAML 1.1 resolver and Jackson type it: text,
   * unless it starts with a character a boolean, null, number, date or merge key can start with. Of
   * those, it keeps the exact boolean and null words and plain decimal integers, and declines the
   * rest.
   */
  private ScalarNode plain(SourceLocation valueAt, String text) {
    char first = text.charAt(0);
    if (MAYBE_NOT_TEXT.indexOf(first) < 0) {
      return new ScalarNode(valueAt, interner.text(text), ScalarType.STRING);
    }
    if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) {
      if (BOOLEANS.contains(text)) {
        return new ScalarNode(valueAt, text, ScalarType.BOOLEAN);
      }
      if (NULLS.contains(text)) {
        return new ScalarNode(valueAt, "", ScalarType.NULL);
      }
      return new ScalarNode(valueAt, interner.text(text), ScalarType.STRING);
    }
    if (text.equals("~")) {
      return new ScalarNode(valueAt, "", ScalarType.NULL);
    }
    if (decimalInteger(text)) {
      return new ScalarNode(valueAt, text, ScalarType.INTEGER);
    }
    throw Outside.INSTANCE;
  }

  /** {@code 0}, or an optional minus and digits not starting with 0, short enough for a long. */
  private static boolean decimalInteger(String text) {
    int i = text.charAt(0) == '-' ? 1 : 0;
    int digits = text.length() - i;
    if (digits < 1 || digits > 18) {
      return false;
    }
    if (text.charAt(i) == '0') {
      return digits == 1;
    }
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Where the quoted scalar starting at {@code start} ends (after its closing quote). */
  private int quotedEnd(int start) {
    char quote = s[start];
    int i = start + 1;
    while (i < length) {
      char c = s[i];
      if (c == '\n') {
        return length;
      }
      if (c == quote) {
        if (quote == '\'' && i + 1 < length && s[i + 1] == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      if (c == '\\' && quote == '"') {
        i += 2;
        continue;
      }
      i++;
    }
    return length;
  }

  /** The text of the quoted scalar at {@link #pos}, leaving {@link #pos} after its quote. */
  private String quoted() {
    char quote = s[pos];
    int start = pos + 1;
    int i = start;
    StringBuilder text = null;
    while (true) {
      if (i >= length) {
        throw Outside.INSTANCE;
      }
      char c = s[i];
      if (c == '\n') {
        throw Outside.INSTANCE;
      }
      if (c == quote) {
        if (quote == '\'' && i + 1 < length && s[i + 1] == '\'') {
          text = append(text, start, i + 1);
          i += 2;
          start = i;
          continue;
        }
        pos = i + 1;
        if (text == null) {
          return text(start, i);
        }
        return text.append(s, start, i - start).toString();
      }
      if (c == '\\' && quote == '"') {
        text = append(text, start, i);
        i = escape(i + 1, text);
        start = i;
        continue;
      }
      i++;
    }
  }

  private StringBuilder append(StringBuilder text, int from, int to) {
    StringBuilder b = text == null ? new StringBuilder() : text;
    return b.append(s, from, to - from);
  }

  /** Appends the escape whose letter is at {@code i}; returns where the text goes on. */
  private int escape(int i, StringBuilder text) {
    if (i >= length) {
      throw Outside.INSTANCE;
    }
    char c = s[i];
    switch (c) {
      case '\\', '"' -> text.append(c);
      case 'n' -> text.append('\n');
      case 't' -> text.append('\t');
      case 'r' -> text.append('\r');
      case '0' -> text.append('\0');
      case 'u' -> {
        if (i + 5 > length) {
          throw Outside.INSTANCE;
        }
        int code = 0;
        for (int k = i + 1; k <= i + 4; k++) {
          int digit = Character.digit(s[k], 16);
          if (digit < 0) {
            throw Outside.INSTANCE;
          }
          code = code * 16 + digit;
        }
        if (Character.isSurrogate((char) code)) {
          throw Outside.INSTANCE;
        }
        text.append((char) code);
        return i + 5;
      }
      default -> throw Outside.INSTANCE;
    }
    return i + 1;
  }
}
