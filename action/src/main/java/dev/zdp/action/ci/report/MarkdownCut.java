package dev.zdp.action.ci.report;

import java.util.function.ToIntFunction;

/**
 * Fits markdown under a size limit without breaking it: the cut falls at the end of a line outside
 * any code fence, every {@code <details>} still open there is closed, and a pointer to the full
 * text follows. Sizes are measured by the caller's unit (characters for a GitHub comment, UTF-8
 * bytes for the job summary).
 */
public final class MarkdownCut {

  private MarkdownCut() {}

  /** Characters, as GitHub counts a comment body. */
  public static final ToIntFunction<String> CHARACTERS = String::length;

  /** UTF-8 bytes, as GitHub counts the job summary. */
  public static final ToIntFunction<String> UTF8_BYTES = MarkdownCut::utf8Length;

  /**
   * {@code markdown} itself when it fits in {@code limit}, otherwise its longest safe prefix,
   * closed and followed by {@code pointer}.
   */
  public static String fit(String markdown, int limit, ToIntFunction<String> size, String pointer) {
    if (size.applyAsInt(markdown) <= limit) {
      return markdown;
    }
    String best = closing(0, pointer);
    int bestEnd = 0;
    int used = 0;
    int openDetails = 0;
    String fence = null;
    int start = 0;
    while (start < markdown.length()) {
      int newline = markdown.indexOf('\n', start);
      int end = newline < 0 ? markdown.length() : newline + 1;
      String line = markdown.substring(start, end);
      used += size.applyAsInt(line);
      String stripped = line.strip();
      if (fence != null) {
        if (stripped.startsWith(fence) && stripped.replace(fence.substring(0, 1), "").isEmpty()) {
          fence = null;
        }
      } else if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
        fence = stripped.substring(0, 3);
      } else {
        openDetails += occurrences(line, "<details") - occurrences(line, "</details>");
        openDetails = Math.max(0, openDetails);
      }
      if (used > limit) {
        break;
      }
      if (fence == null) {
        String tail = closing(openDetails, pointer);
        if (used + size.applyAsInt(tail) <= limit) {
          bestEnd = end;
          best = tail;
        }
      }
      start = end;
    }
    String kept = markdown.substring(0, bestEnd);
    return (kept.isEmpty() || kept.endsWith("\n") ? kept : kept + "\n") + best;
  }

  private static String closing(int openDetails, String pointer) {
    return "\n</details>\n".repeat(openDetails) + "\n" + pointer + "\n";
  }

  private static int occurrences(String text, String what) {
    int count = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
      count++;
    }
    return count;
  }

  private static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
