package dev.zdp.catalog;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lineage picture: nodes in columns from left (the source) to right (the consumers), edges as
 * curves between them. It draws one neighbourhood (a dataset's path through the platform, a
 * workspace's inputs), never the whole ecosystem, so it stays readable at any model size.
 *
 * <p>The page holds the picture compactly, as the list of its boxes (kind, column, name, detail,
 * link) and its edges as pairs of box numbers; the site's script draws it as inline SVG when the
 * page loads (the list is then hidden), and without script the list is what the reader sees. The
 * list is about a third of the bytes of the SVG markup, on a hundred thousand dataset pages.
 */
final class Lineage {

  /** What a node stands for; becomes its CSS class and {@code data-kind}. */
  enum Kind {
    DATASTORE,
    DATASET,
    TOPIC,
    STAGING,
    CORPUS,
    WORKSPACE;

    String css() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private record Node(String id, int column, Kind kind, String label, String detail, String href) {}

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Set<List<String>> edges = new LinkedHashSet<>();

  /**
   * Adds a node (once per id; a second call with the same id is ignored).
   *
   * @param href the page it links to, relative to the page drawing it; null for none
   */
  Lineage node(String id, int column, Kind kind, String label, String detail, String href) {
    nodes.putIfAbsent(id, new Node(id, column, kind, label, detail, href));
    return this;
  }

  Lineage edge(String from, String to) {
    edges.add(List.of(from, to));
    return this;
  }

  boolean isEmpty() {
    return nodes.isEmpty();
  }

  /**
   * Writes the picture into {@code p}: {@code <ol class="boxes">} with one {@code <li>} per box
   * ({@code class} its kind, {@code data-c} its column, its name, linked when it has a page, and
   * its detail in {@code <small>}), and {@code data-edges} listing each edge as the numbers of its
   * two boxes in list order, {@code "0 1,1 2"}. Everything from the model is escaped.
   */
  void draw(Page p, String title) {
    Map<String, Integer> number = new LinkedHashMap<>();
    for (String id : nodes.keySet()) {
      number.put(id, number.size());
    }
    p.raw("<ol class=\"boxes\" aria-label=\"").text(title).raw("\" data-edges=\"");
    String sep = "";
    for (List<String> edge : edges) {
      Integer from = number.get(edge.get(0));
      Integer to = number.get(edge.get(1));
      if (from != null && to != null) {
        p.raw(sep).number(from).raw(" ").number(to);
        sep = ",";
      }
    }
    p.raw("\">");
    for (Node n : nodes.values()) {
      p.raw("<li class=\"").raw(n.kind().css()).raw("\" data-c=\"").number(n.column()).raw("\">");
      if (n.href() != null) {
        p.raw("<a href=\"").text(n.href()).raw("\">").text(n.label()).raw("</a>");
      } else {
        p.text(n.label());
      }
      p.raw("<small>").text(n.detail()).raw("</small></li>");
    }
    p.raw("</ol>");
  }
}
