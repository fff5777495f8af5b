package dev.zdp.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The site's search index: one row per zone, team, datastore, dataset and workspace, {@code [kind,
 * name, page, description, columns]}, cut into shards of {@link #SHARD_SIZE} rows. Each shard is a
 * JavaScript file calling {@code zdpSearch.add(n, rows)}: a script tag can load it from disk, where
 * {@code fetch()} of a JSON file is refused under {@code file://}. The page loads the shards when
 * the search box is first used, so a page view costs nothing until then.
 *
 * <p>The rows are JSON written by Jackson with every non-ASCII character escaped, so no model
 * string can end the call early or break the file's encoding; the page shows results with {@code
 * textContent}, never as markup.
 */
final class SearchIndex {

  /** Rows per shard: small enough to parse in a few milliseconds each. */
  static final int SHARD_SIZE = 4000;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private final List<List<String>> rows = new ArrayList<>();

  /**
   * @param kind {@code z} zone, {@code t} team, {@code s} datastore, {@code d} dataset, {@code w}
   *     workspace
   * @param page the row's page, relative to the site's root
   * @param columns the column names, space-separated (datasets only; empty otherwise)
   */
  void add(String kind, String name, String page, String description, String columns) {
    rows.add(List.of(kind, name, page, oneLine(description), columns));
  }

  int size() {
    return rows.size();
  }

  int shardCount() {
    return Math.max(1, (rows.size() + SHARD_SIZE - 1) / SHARD_SIZE);
  }

  /** Shard {@code n}'s file content. */
  String shard(int n) {
    List<List<String>> part =
        rows.subList(
            Math.min(rows.size(), n * SHARD_SIZE), Math.min(rows.size(), (n + 1) * SHARD_SIZE));
    try {
      return "zdpSearch.add(" + n + "," + JSON.writeValueAsString(part) + ");\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Descriptions are searched and shown on one line, at most 200 characters. */
  private static String oneLine(String description) {
    String line = description.strip().replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 199) + "…";
  }
}
