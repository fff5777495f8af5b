package dev.zdp.generator.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays rendered HCL out the way {@code terraform fmt} does, so templates can be written for
 * readability and reviewers still see canonical files: two spaces per nesting level, the {@code =}
 * of consecutive single-line attributes at one level aligned, no trailing spaces, at most one blank
 * line in a row and none just inside braces, and exactly one newline at the end.
 *
 * <p>It understands the HCL zdp generates (blocks, attributes, objects and tuples spread over
 * lines, quoted strings, comments); it does not reflow expressions or heredocs.
 */
public final class HclFormatter {

  private HclFormatter() {}

  /** A line, stripped, with its nesting depth, its {@code =} and its {@link #depthChange}. */
  private record Line(String text, int depth, int assignAt, int change) {
    boolean blank() {
      return text.isEmpty();
    }

    /** A {@code key = value} line whose value ends on the same line. */
    boolean singleLineAttribute() {
      return assignAt > 0 && change == 0;
    }
  }

  public static String format(String hcl) {
    List<Line> lines = new ArrayList<>();
    int depth = 0;
    for (String raw : hcl.split("\n", -1)) {
      String text = raw.strip();
      int change = depthChange(text);
      int leadingClose = leadingCloses(text);
      int lineDepth = Math.max(0, depth - leadingClose);
      lines.add(new Line(text, lineDepth, text.isEmpty() ? -1 : assignIndex(text), change));
      depth = Math.max(0, depth + change);
    }
    lines = dropExtraBlankLines(lines);
    StringBuilder out = new StringBuilder(hcl.length() + hcl.length() / 4 + 16);
    int i = 0;
    while (i < lines.size()) {
      Line line = lines.get(i);
      if (!line.singleLineAttribute()) {
        appendLine(out, line, -1);
        i++;
        continue;
      }
      int end = i;
      int width = 0;
      while (end < lines.size()
          && lines.get(end).singleLineAttribute()
          && lines.get(end).depth() == line.depth()) {
        width = Math.max(width, keyEnd(lines.get(end)));
        end++;
      }
      for (int j = i; j < end; j++) {
        appendLine(out, lines.get(j), width);
      }
      i = end;
    }
    // trailing white space removed (String.stripTrailing's), then one newline, in the buffer
    int length = out.length();
    while (length > 0 && Character.isWhitespace(out.charAt(length - 1))) {
      length--;
    }
    if (length == 0) {
      return "";
    }
    out.setLength(length);
    return out.append('\n').toString();
  }

  private static void appendLine(StringBuilder out, Line line, int keyWidth) {
    if (line.blank()) {
      out.append('\n');
      return;
    }
    for (int i = 0; i < line.depth(); i++) {
      out.append("  ");
    }
    if (line.assignAt() > 0) {
      String text = line.text();
      // the key and the value, each stripped, appended from the line without copying them first
      int keyEnd = keyEnd(line);
      int valueStart = line.assignAt() + 1;
      while (valueStart < text.length() && Character.isWhitespace(text.charAt(valueStart))) {
        valueStart++;
      }
      out.append(text, 0, keyEnd);
      for (int pad = Math.max(1, keyWidth - keyEnd + 1); pad > 0; pad--) {
        out.append(' ');
      }
      out.append("= ").append(text, valueStart, text.length());
    } else {
      out.append(line.text());
    }
    out.append('\n');
  }

  /**
   * Where the key before the line's {@code =} ends, white space left out (the line starts with it).
   */
  private static int keyEnd(Line line) {
    int end = line.assignAt();
    while (end > 0 && Character.isWhitespace(line.text().charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static List<Line> dropExtraBlankLines(List<Line> lines) {
    List<Line> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      if (line.blank()) {
        boolean afterBlankOrOpen =
            kept.isEmpty() || kept.get(kept.size() - 1).blank() || opens(kept.get(kept.size() - 1));
        Line next = nextNonBlank(lines, i);
        boolean beforeClose = next == null || leadingCloses(next.text()) > 0;
        if (afterBlankOrOpen || beforeClose) {
          continue;
        }
      }
      kept.add(line);
    }
    return kept;
  }

  private static Line nextNonBlank(List<Line> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).blank()) {
        return lines.get(i);
      }
    }
    return null;
  }

  private static boolean opens(Line line) {
    return line.change() > 0;
  }

  /** Brackets opened minus closed on a line, outside strings and comments. */
  static int depthChange(String text) {
    int change = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        inString = true;
      } else if (c == '#' || (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
        break;
      } else if (c == '{' || c == '[' || c == '(') {
        change++;
      } else if (c == '}' || c == ']' || c == ')') {
        change--;
      }
    }
    return change;
  }

  private static int leadingCloses(String text) {
    int closes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '}' || c == ']' || c == ')') {
        closes++;
      } else if (c != ' ' && c != ',') {
        break;
      }
    }
    return closes;
  }

  /** Where the attribute's {@code =} is, or -1 when the line is not {@code key = value}. */
  private static int assignIndex(String text) {
    if (text.startsWith("#") || text.startsWith("//")) {
      return -1;
    }
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        inString = true;
      } else if (c == '=') {
        boolean comparison =
            (i + 1 < text.length() && text.charAt(i + 1) == '=')
                || (i > 0 && "!<>=".indexOf(text.charAt(i - 1)) >= 0);
        return comparison ? -1 : i;
      } else if (c == '{' || c == '[' || c == '(' || c == ' ' && !keyLike(text, i)) {
        return -1;
      }
    }
    return -1;
  }

  /** Whether {@code text}'s first {@code end} characters, stripped, are one word. */
  private static boolean keyLike(String text, int end) {
    int start = 0;
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int space = text.indexOf(' ', start);
    return start < end && (space < 0 || space >= end);
  }
}
