package dev.zdp.catalog;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One HTML page being written: the shared header (site name, navigation, search box) and footer
 * around what the caller appends. Model strings go in through {@link #text}, which escapes them;
 * {@link #raw} is for markup the generator itself wrote.
 *
 * <p>A page is pure ASCII, so it is built straight as the bytes of its file: {@link #text} escapes
 * each character into the buffer as HTML requires ({@code & < > " '}, safe as element text and in a
 * quoted attribute alike) and writes every character outside printable ASCII as a numeric character
 * reference ({@code é} as {@code &#233;}); no {@code String} is built per page or per escaped
 * value, and no encoding is needed to write the file.
 */
final class Page {

  private final String path;
  private final String root;
  private byte[] html = new byte[8192];
  private int length;

  /**
   * @param path where the page lives, relative to the site's root
   * @param site the ecosystem's name, shown in the header and the title
   * @param shards how many search index shards the site has
   */
  Page(String path, String title, String site, int shards) {
    this.path = path;
    this.root = SitePaths.root(path);
    raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>")
        .text(title)
        .raw(" &middot; ")
        .text(site)
        .raw("</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"")
        .raw(root)
        .raw(SitePaths.CSS)
        .raw("\"></head>\n<body data-root=\"")
        .raw(root)
        .raw("\" data-shards=\"")
        .number(shards)
        .raw("\"><header><a class=\"brand\" href=\"")
        .raw(root)
        .raw(SitePaths.INDEX)
        .raw("\">")
        .text(site)
        .raw("</a><nav>");
    nav(SitePaths.INDEX, "Overview");
    nav(SitePaths.DATASTORES, "Datastores");
    nav(SitePaths.WORKSPACES, "Workspaces");
    nav(SitePaths.OWNERS, "Owners");
    nav(SitePaths.DEPRECATED, "Deprecated");
    // the search box itself is built by the site's script, the only thing that can use it
    raw("</nav><div class=\"search\"></div></header>\n<main>");
  }

  private void nav(String target, String label) {
    raw("<a href=\"").raw(root).raw(target).raw("\">").raw(label).raw("</a>");
  }

  String path() {
    return path;
  }

  /** The link to another page of the site from this one. */
  String href(String target) {
    return root + target;
  }

  /**
   * Markup the generator wrote, or a site path ({@link SitePaths} keeps those ASCII): copied as it
   * is, one byte per character ({@code CatalogSiteTest} checks that every page is ASCII).
   */
  @SuppressWarnings("deprecation") // the one bulk copy of a string's low bytes into an array
  Page raw(String markup) {
    int n = markup.length();
    room(n);
    markup.getBytes(0, n, html, length);
    length += n;
    return this;
  }

  /** A model string, escaped for HTML text or a quoted attribute value, in ASCII. */
  Page text(String s) {
    int n = s.length();
    room(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= ' ' && c <= '~') {
        switch (c) {
          case '&' -> escape("&amp;", n - i);
          case '<' -> escape("&lt;", n - i);
          case '>' -> escape("&gt;", n - i);
          case '"' -> escape("&quot;", n - i);
          case '\'' -> escape("&#39;", n - i);
          default -> html[length++] = (byte) c;
        }
      } else if (c == '\n' || c == '\t') {
        html[length++] = (byte) c;
      } else {
        int cp = s.codePointAt(i);
        if (Character.isSupplementaryCodePoint(cp)) {
          i++;
        }
        escape("&#", 0).number(cp);
        room(n - i);
        html[length++] = ';';
      }
    }
    return this;
  }

  /**
   * An escape sequence replacing one character, with room kept for the {@code rest} of the text.
   */
  private Page escape(String entity, int rest) {
    room(entity.length() + rest);
    for (int i = 0; i < entity.length(); i++) {
      html[length++] = (byte) entity.charAt(i);
    }
    return this;
  }

  /** A number in decimal. */
  Page number(int value) {
    return raw(Integer.toString(value));
  }

  private void room(int more) {
    if (length + more > html.length) {
      html = Arrays.copyOf(html, Math.max(html.length * 2, length + more + 1024));
    }
  }

  /** {@code <a href="target">text</a>}, the target a page of the site. */
  Page link(String target, String text) {
    return raw("<a href=\"").raw(root).raw(target).raw("\">").text(text).raw("</a>");
  }

  Page h1(String kind, String name) {
    return raw("<h1><span class=\"kind\">").text(kind).raw("</span> ").text(name).raw("</h1>\n");
  }

  Page h2(String title) {
    return raw("<h2>").text(title).raw("</h2>\n");
  }

  /** A description as a paragraph, line breaks kept; "No description." when empty. */
  Page description(String description) {
    if (description.isBlank()) {
      return raw("<p class=\"desc none\">No description.</p>\n");
    }
    return raw("<p class=\"desc\">").text(description.strip()).raw("</p>\n");
  }

  /** A row of a two-column facts table. */
  Page fact(String name, String value) {
    return raw("<tr><th>").text(name).raw("</th><td>").text(value).raw("</td></tr>");
  }

  Page badge(String css, String text) {
    return raw("<span class=\"badge ").raw(css).raw("\">").text(text).raw("</span>");
  }

  /** The finished page, as the bytes of its file. */
  ByteBuffer finish() {
    raw("</main>\n<footer>Generated by <code>zdp docs</code> from the model.</footer>")
        .raw("<script src=\"")
        .raw(root)
        .raw(SitePaths.JS)
        .raw("\"></script></body></html>\n");
    return ByteBuffer.wrap(html, 0, length);
  }
}
