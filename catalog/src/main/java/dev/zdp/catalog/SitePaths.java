package dev.zdp.catalog;

/**
 * Where each page of the site lives, relative to the site's root. Names become file names through
 * {@link #file}: letters, digits, {@code _} and {@code -} are kept, anything else (upper case
 * included, so pages do not collide on a case-insensitive disk) is written {@code ~hex~}. The
 * result needs no further escaping in a URL.
 */
final class SitePaths {

  static final String INDEX = "index.html";
  static final String DATASTORES = "datastores.html";
  static final String WORKSPACES = "workspaces.html";
  static final String DEPRECATED = "deprecated.html";
  static final String OWNERS = "owners.html";
  static final String CSS = "assets/site.css";
  static final String JS = "assets/site.js";

  private SitePaths() {}

  static String zone(String name) {
    return "zone/" + file(name) + ".html";
  }

  static String team(String name) {
    return "team/" + file(name) + ".html";
  }

  static String datastore(String name) {
    return "datastore/" + file(name) + ".html";
  }

  static String dataset(String datastore, String dataset) {
    return "dataset/" + file(datastore) + "/" + file(dataset) + ".html";
  }

  static String workspace(String name) {
    return "workspace/" + file(name) + ".html";
  }

  static String searchShard(int shard) {
    return "search/shard-" + shard + ".js";
  }

  /** A name as a file name: safe on every file system and in a URL, distinct for distinct names. */
  static String file(String name) {
    if (allKept(name)) {
      return name; // the usual case: model names are lower-case identifiers
    }
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            c -> {
              if (kept(c)) {
                out.append((char) c);
              } else {
                out.append('~').append(Integer.toHexString(c)).append('~');
              }
            });
    return out.isEmpty() ? "~" : out.toString();
  }

  private static boolean allKept(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!kept(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean kept(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  /** The path from the page at {@code from} to {@code to}, both relative to the site's root. */
  static String relative(String from, String to) {
    return root(from) + to;
  }

  /** {@code ../} once per directory {@code page} is in: the way back to the site's root. */
  static String root(String page) {
    int depth = 0;
    for (int i = 0; i < page.length(); i++) {
      if (page.charAt(i) == '/') {
        depth++;
      }
    }
    return "../".repeat(depth);
  }
}
