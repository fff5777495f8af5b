package dev.zdp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zdp.model.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site as files: what is written, escaped and repeatable (the browser tests show it). */
class CatalogSiteTest {

  @TempDir Path tmp;

  @Test
  void writesAPageForEveryObjectOfTheExample() throws Exception {
    Model model = Sites.load(Sites.ACME);
    CatalogSite.Written written = CatalogSite.write(model, tmp.resolve("site"));

    Path site = tmp.resolve("site");
    assertThat(site.resolve("index.html")).exists();
    assertThat(site.resolve("dataset/crm/customers.html")).exists();
    assertThat(site.resolve("datastore/shop.html")).exists();
    assertThat(site.resolve("workspace/churn.html")).exists();
    assertThat(site.resolve("team/customer_team.html")).exists();
    assertThat(site.resolve("zone/americas.html")).exists();
    long datasets = model.datastores().stream().mapToLong(d -> d.datasets().size()).sum();
    long expectedPages =
        5
            + model.zones().size()
            + model.teams().size()
            + model.datastores().size()
            + datasets
            + model.workspaces().size();
    assertThat(written.pages()).isEqualTo(expectedPages);
    assertThat(written.searchRows())
        .isEqualTo(
            model.zones().size()
                + model.teams().size()
                + model.datastores().size()
                + datasets
                + model.workspaces().size());
  }

  @Test
  void theSameModelGivesTheSameBytes() throws Exception {
    Model model = Sites.load(Sites.ACME);
    CatalogSite.write(model, tmp.resolve("a"));
    CatalogSite.write(Sites.load(Sites.ACME), tmp.resolve("b"));
    assertThat(contents(tmp.resolve("b"))).isEqualTo(contents(tmp.resolve("a")));
  }

  @Test
  void escapesEveryModelStringInPagesAndTheIndex() throws Exception {
    Model model = Sites.load(Sites.hostileAcme(tmp.resolve("model")));
    CatalogSite.write(model, tmp.resolve("site"));

    String page = Files.readString(tmp.resolve("site/dataset/crm/customers.html"));
    assertThat(page)
        .doesNotContain("<script>window")
        .doesNotContain("<b>bold")
        .doesNotContain("<img")
        .contains(
            "&lt;script&gt;window.zdpInjected = 1&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp;")
        // text outside ASCII as character references: every page is plain ASCII
        .contains("caf&#233; &#8212; na&#239;ve");
    assertThat(contents(tmp.resolve("site")).entrySet())
        .filteredOn(file -> file.getKey().endsWith(".html"))
        .isNotEmpty()
        .allSatisfy(file -> assertThat(file.getValue()).as(file.getKey()).matches("\\p{ASCII}*"));
    // the index is JSON with non-ASCII and nothing else changed: the browser shows it as text
    String shard = Files.readString(tmp.resolve("site/search/shard-0.js"));
    assertThat(shard).startsWith("zdpSearch.add(0,[[").contains("\\\"window.zdpInjected = 2\\\"");
    // the store's page lists the dataset's description too
    assertThat(Files.readString(tmp.resolve("site/datastore/crm.html")))
        .doesNotContain("<script>window")
        .contains("&lt;script&gt;");
  }

  @Test
  void replacesAnEarlierSiteButRefusesADirectoryOfOtherFiles() throws Exception {
    Model model = Sites.load(Sites.ACME);
    Path site = tmp.resolve("site");
    CatalogSite.write(model, site);
    Files.writeString(site.resolve("dataset/crm/stale.html"), "old");
    CatalogSite.write(model, site);
    assertThat(site.resolve("dataset/crm/stale.html")).doesNotExist();
    assertThat(site.resolve("index.html")).exists();

    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> CatalogSite.write(model, other))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("holds files zdp docs did not write");
    assertThat(other.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void drawsTheDatasetsPathThroughThePlatformToItsConsumers() throws Exception {
    CatalogSite.write(Sites.load(Sites.ACME), tmp.resolve("site"));
    String page = Files.readString(tmp.resolve("site/dataset/crm/customers.html"));
    // the picture's boxes (kind, column, name) and edges, which the page's script draws
    assertThat(
            java.util.regex.Pattern.compile(
                    "<li class=\"(\\w+)\" data-c=\"(\\d)\">(?:<a href=\"[^\"]*\">)?([^<]*)")
                .matcher(page)
                .results()
                .map(m -> m.group(1) + " " + m.group(2) + " " + m.group(3)))
        .containsExactly(
            "datastore 0 crm",
            "topic 1 zero.crm.public.customers",
            "staging 2 staging.crm__customers",
            "corpus 3 corpus.crm__customers",
            "workspace 4 churn");
    assertThat(page).contains("data-edges=\"0 1,1 2,2 3,3 4\"");
  }

  @Test
  void fileNamesAreSafeAndDistinct() {
    assertThat(SitePaths.file("orders")).isEqualTo("orders");
    assertThat(SitePaths.file("Orders")).isEqualTo("~4f~rders");
    assertThat(SitePaths.file("a/../b")).isEqualTo("a~2f~~2e~~2e~~2f~b");
    assertThat(SitePaths.file("")).isEqualTo("~");
    assertThat(SitePaths.relative("dataset/crm/customers.html", "index.html"))
        .isEqualTo("../../index.html");
  }

  /** Every file of a directory as text, so a difference is readable in the failure. */
  private static SortedMap<String, String> contents(Path dir) throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
