package dev.zdp.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lineage picture drawn at generation time as inline SVG: nodes in columns from left (the source)
 * to right (the consumers), edges as curves between them. It draws one neighbourhood (a dataset's
 * path through the platform, a workspace's inputs), never the whole ecosystem, so it stays readable
 * at any model size. No JavaScript is needed to show it.
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

  private static final int COLUMN_WIDTH = 250;
  private static final int BOX_WIDTH = 210;
  private static final int BOX_HEIGHT = 40;
  private static final int ROW_HEIGHT = 54;
  private static final int MAX_LABEL = 30;

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

  /** Draws the picture into {@code p} as an {@code <svg>} element, escaped throughout. */
  void draw(Page p, String title) {
    int columns = nodes.values().stream().mapToInt(Node::column).max().orElse(0) + 1;
    List<List<Node>> byColumn = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      byColumn.add(new ArrayList<>());
    }
    nodes.values().forEach(n -> byColumn.get(n.column()).add(n));
    int rows = byColumn.stream().mapToInt(List::size).max().orElse(1);
    int height = rows * ROW_HEIGHT + 10;
    int width = (columns - 1) * COLUMN_WIDTH + BOX_WIDTH + 20;

    Map<String, int[]> at = new LinkedHashMap<>();
    for (List<Node> column : byColumn) {
      int top = (height - column.size() * ROW_HEIGHT) / 2;
      for (int row = 0; row < column.size(); row++) {
        Node n = column.get(row);
        at.put(n.id(), new int[] {10 + n.column() * COLUMN_WIDTH, top + row * ROW_HEIGHT + 7});
      }
    }

    p.raw("<svg class=\"lineage\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .number(width)
        .raw("\" height=\"")
        .number(height)
        .raw("\" viewBox=\"0 0 ")
        .number(width)
        .raw(" ")
        .number(height)
        .raw("\" aria-label=\"")
        .text(title)
        .raw("\">");
    for (List<String> edge : edges) {
      int[] a = at.get(edge.get(0));
      int[] b = at.get(edge.get(1));
      if (a == null || b == null) {
        continue;
      }
      int x1 = a[0] + BOX_WIDTH;
      int y1 = a[1] + BOX_HEIGHT / 2;
      int x2 = b[0];
      int y2 = b[1] + BOX_HEIGHT / 2;
      int mid = (x1 + x2) / 2;
      p.raw("<path class=\"edge\" d=\"M")
          .number(x1)
          .raw(" ")
          .number(y1)
          .raw("C")
          .number(mid)
          .raw(" ")
          .number(y1)
          .raw(" ")
          .number(mid)
          .raw(" ")
          .number(y2)
          .raw(" ")
          .number(x2)
          .raw(" ")
          .number(y2)
          .raw("\"/>");
    }
    for (Node n : nodes.values()) {
      int[] xy = at.get(n.id());
      if (n.href() != null) {
        p.raw("<a href=\"").text(n.href()).raw("\">");
      }
      p.raw("<g class=\"node ")
          .raw(n.kind().css())
          .raw("\" data-kind=\"")
          .raw(n.kind().css())
          .raw("\" data-name=\"")
          .text(n.label())
          .raw("\">");
      String label = cut(n.label());
      String detail = cut(n.detail());
      if (!label.equals(n.label()) || !detail.equals(n.detail())) {
        p.raw("<title>").text(n.label());
        if (!n.detail().isEmpty()) {
          p.raw(" (").text(n.detail()).raw(")");
        }
        p.raw("</title>");
      }
      p.raw("<rect x=\"")
          .number(xy[0])
          .raw("\" y=\"")
          .number(xy[1])
          .raw("\" width=\"")
          .number(BOX_WIDTH)
          .raw("\" height=\"")
          .number(BOX_HEIGHT)
          .raw("\" rx=\"6\"/><text x=\"")
          .number(xy[0] + 8)
          .raw("\" y=\"")
          .number(xy[1] + 16)
          .raw("\">")
          .text(label)
          .raw("</text><text class=\"detail\" x=\"")
          .number(xy[0] + 8)
          .raw("\" y=\"")
          .number(xy[1] + 32)
          .raw("\">")
          .text(detail)
          .raw("</text></g>");
      if (n.href() != null) {
        p.raw("</a>");
      }
    }
    p.raw("</svg>");
  }

  /** A label cut to fit its box; the node then has a title (its tooltip) holding it whole. */
  private static String cut(String label) {
    if (label.codePointCount(0, label.length()) <= MAX_LABEL) {
      return label;
    }
    return label.substring(0, label.offsetByCodePoints(0, MAX_LABEL - 1)) + "…";
  }
}
