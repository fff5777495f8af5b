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

  /** The picture as an {@code <svg>} element, escaped throughout. */
  String svg(String title) {
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

    StringBuilder svg = new StringBuilder(512 + nodes.size() * 300);
    svg.append("<svg class=\"lineage\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" aria-label=\"")
        .append(Html.text(title))
        .append("\">");
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
      svg.append("<path class=\"edge\" d=\"M")
          .append(x1)
          .append(' ')
          .append(y1)
          .append("C")
          .append(mid)
          .append(' ')
          .append(y1)
          .append(' ')
          .append(mid)
          .append(' ')
          .append(y2)
          .append(' ')
          .append(x2)
          .append(' ')
          .append(y2)
          .append("\"/>");
    }
    for (Node n : nodes.values()) {
      int[] p = at.get(n.id());
      if (n.href() != null) {
        svg.append("<a href=\"").append(Html.text(n.href())).append("\">");
      }
      svg.append("<g class=\"node ")
          .append(n.kind().css())
          .append("\" data-kind=\"")
          .append(n.kind().css())
          .append("\" data-name=\"")
          .append(Html.text(n.label()))
          .append("\">");
      String label = cut(n.label());
      String detail = cut(n.detail());
      if (!label.equals(n.label()) || !detail.equals(n.detail())) {
        svg.append("<title>")
            .append(Html.text(n.label()))
            .append(n.detail().isEmpty() ? "" : " (" + Html.text(n.detail()) + ")")
            .append("</title>");
      }
      svg.append("<rect x=\"")
          .append(p[0])
          .append("\" y=\"")
          .append(p[1])
          .append("\" width=\"")
          .append(BOX_WIDTH)
          .append("\" height=\"")
          .append(BOX_HEIGHT)
          .append("\" rx=\"6\"/><text x=\"")
          .append(p[0] + 8)
          .append("\" y=\"")
          .append(p[1] + 16)
          .append("\">")
          .append(Html.text(label))
          .append("</text><text class=\"detail\" x=\"")
          .append(p[0] + 8)
          .append("\" y=\"")
          .append(p[1] + 32)
          .append("\">")
          .append(Html.text(detail))
          .append("</text></g>");
      if (n.href() != null) {
        svg.append("</a>");
      }
    }
    return svg.append("</svg>").toString();
  }

  /** A label cut to fit its box; the node then has a title (its tooltip) holding it whole. */
  private static String cut(String label) {
    if (label.codePointCount(0, label.length()) <= MAX_LABEL) {
      return label;
    }
    return label.substring(0, label.offsetByCodePoints(0, MAX_LABEL - 1)) + "…";
  }
}
