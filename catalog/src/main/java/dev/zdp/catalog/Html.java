package dev.zdp.catalog;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.Locale;

/**
 * Text for HTML and inline SVG: every model string that reaches a page goes through {@link #text},
 * which escapes {@code & < > " '} (Guava's HTML escaper), so it is safe as element text and inside
 * a quoted attribute alike.
 */
final class Html {

  private static final Escaper ESCAPER = HtmlEscapers.htmlEscaper();

  private Html() {}

  /** {@code s} escaped for HTML text or a quoted attribute value. */
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
