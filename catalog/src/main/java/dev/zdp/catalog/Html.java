package dev.zdp.catalog;

import java.util.Locale;

/** What the site's pages may hold of the model's text beyond escaping ({@link Page#text}). */
final class Html {

  private Html() {}

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
