package dev.zdp.catalog;

import com.google.common.escape.ArrayBasedUnicodeEscaper;
import com.google.common.escape.Escaper;
import java.util.Locale;
import java.util.Map;

/**
 * Text for HTML and inline SVG: every model string that reaches a page goes through {@link #text},
 * which escapes {@code & < > " '} as HTML does, so it is safe as element text and inside a quoted
 * attribute alike, and writes every character outside printable ASCII as a numeric character
 * reference ({@code é} as {@code &#233;}). Pages are therefore pure ASCII: the generator builds
 * them as one-byte-per-character strings and writes them without encoding work, and a browser shows
 * exactly the model's text.
 */
final class Html {

  private static final Escaper ESCAPER =
      new ArrayBasedUnicodeEscaper(
          Map.of(
              '&', "&amp;",
              '<', "&lt;",
              '>', "&gt;",
              '"', "&quot;",
              '\'', "&#39;",
              '\n', "\n",
              '\t', "\t"),
          ' ',
          '~',
          null) {
        @Override
        protected char[] escapeUnsafe(int cp) {
          return ("&#" + cp + ";").toCharArray();
        }
      };

  private Html() {}

  /** {@code s} escaped for HTML text or a quoted attribute value, in ASCII. */
  static String text(String s) {
    return ESCAPER.escape(s);
  }

  /**
   * A link target for a URL written in the model (a team's documentation): only {@code http} and
   * {@code https} URLs become links; anything else ({@code javascript:}, relative paths) is shown
   * as text by the caller.
   */
  static boolean isWebUrl(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return (lower.startsWith("https://") || lower.startsWith("http://"))
        && lower.chars().noneMatch(c -> c <= ' ');
  }
}
