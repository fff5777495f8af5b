package dev.zdp.catalog;

import dev.zdp.model.Dataset;
import dev.zdp.model.DatasetGroup;
import dev.zdp.model.Datastore;
import dev.zdp.model.Declaration;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Milestoning;
import dev.zdp.model.Model;
import dev.zdp.model.Platform;
import dev.zdp.model.Sink;
import dev.zdp.model.Team;
import dev.zdp.model.Workspace;
import dev.zdp.model.Zone;
import dev.zdp.model.platform.Consumer;
import dev.zdp.model.platform.IntentionGraph;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The static catalog site of a model ({@code zdp docs}): a page per zone, team, datastore, dataset
 * and workspace, cross-linked; lineage pictures; ownership and deprecation views; and a search
 * index loaded by the pages when the search box is used. Plain HTML, one CSS file and one small
 * script: it works opened from disk and served by GitHub or GitLab Pages, with nothing fetched from
 * the internet.
 *
 * <p>The same model always gives the same bytes: everything is sorted by name and nothing about the
 * run (time, paths) is written.
 */
public final class CatalogSite {

  /** The file marking a directory as a catalog site, so a later run may replace it. */
  public static final String MARKER = ".zdp-docs";

  /** What a run wrote. */
  public record Written(int pages, int searchRows, int searchShards, long bytes) {}

  private final Model model;
  private final IntentionGraph graph;
  private final String site;
  private final Map<String, List<Team>> teamsByZone = new TreeMap<>();
  private final Map<String, List<Datastore>> datastoresByTeam = new TreeMap<>();
  private final Map<String, List<Workspace>> workspacesByTeam = new TreeMap<>();
  private final List<Datastore> datastores;
  private final List<Workspace> workspaces;
  private final List<Zone> zones;
  private int shards = 1;

  private CatalogSite(Model model) {
    this.model = model;
    this.graph = IntentionGraph.of(model);
    this.site = model.ecosystem().map(Ecosystem::name).orElse("zdp") + " catalog";
    this.zones = sorted(model.zones(), Zone::name);
    this.datastores = sorted(model.datastores(), Datastore::name);
    this.workspaces = sorted(model.workspaces(), Workspace::name);
    for (Team team : sorted(model.teams(), Team::name)) {
      teamsByZone.computeIfAbsent(team.zone(), k -> new ArrayList<>()).add(team);
    }
    for (Datastore d : datastores) {
      datastoresByTeam.computeIfAbsent(d.team(), k -> new ArrayList<>()).add(d);
    }
    for (Workspace w : workspaces) {
      workspacesByTeam.computeIfAbsent(w.team(), k -> new ArrayList<>()).add(w);
    }
  }

  /**
   * Writes the site of {@code model} into {@code out}. A directory holding an earlier site (it has
   * {@link #MARKER}) is emptied first; any other non-empty directory is refused, so nobody's files
   * are deleted by mistake.
   *
   * @throws CatalogException when {@code out} cannot be used
   */
  public static Written write(Model model, Path out) throws IOException {
    Objects.requireNonNull(model, "model");
    prepare(out);
    return new CatalogSite(model).writeInto(out);
  }

  private static void prepare(Path out) throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new CatalogException(
          "'" + out + "' is a file; give --out a directory (it is created when missing)");
    }
    if (Files.isDirectory(out)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(out)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(out.resolve(MARKER))) {
        throw new CatalogException(
            "'"
                + out
                + "' holds files zdp docs did not write; give --out an empty or new directory"
                + " (a directory an earlier 'zdp docs' wrote is replaced)");
      }
      if (!empty) {
        try (Stream<Path> walk = Files.walk(out)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            if (!p.equals(out)) {
              Files.delete(p);
            }
          }
        }
      }
    }
    Files.createDirectories(out);
  }

  private Written writeInto(Path out) throws IOException {
    SearchIndex index = searchIndex();
    shards = index.shardCount();
    List<Map.Entry<String, Supplier<ByteBuffer>>> files = new ArrayList<>();
    files.add(
        Map.entry(
            MARKER, () -> ascii("written by zdp docs: this directory is replaced on every run\n")));
    files.add(Map.entry(SitePaths.CSS, () -> resource("site.css")));
    files.add(Map.entry(SitePaths.JS, () -> resource("site.js")));
    for (int i = 0; i < shards; i++) {
      int n = i;
      files.add(Map.entry(SitePaths.searchShard(n), () -> utf8(index.shard(n))));
    }
    files.add(Map.entry(SitePaths.INDEX, this::indexPage));
    files.add(Map.entry(SitePaths.DATASTORES, this::datastoresPage));
    files.add(Map.entry(SitePaths.WORKSPACES, this::workspacesPage));
    files.add(Map.entry(SitePaths.OWNERS, this::ownersPage));
    files.add(Map.entry(SitePaths.DEPRECATED, this::deprecatedPage));
    for (Zone zone : zones) {
      files.add(Map.entry(SitePaths.zone(zone.name()), () -> zonePage(zone)));
    }
    for (Team team : sorted(model.teams(), Team::name)) {
      files.add(Map.entry(SitePaths.team(team.name()), () -> teamPage(team)));
    }
    for (Datastore d : datastores) {
      files.add(Map.entry(SitePaths.datastore(d.name()), () -> datastorePage(d)));
      for (Dataset ds : d.datasets()) {
        files.add(Map.entry(SitePaths.dataset(d.name(), ds.name()), () -> datasetPage(d, ds)));
      }
    }
    for (Workspace w : workspaces) {
      files.add(Map.entry(SitePaths.workspace(w.name()), () -> workspacePage(w)));
    }

    // directories first, then every file in parallel: each file depends on the model only
    for (String dir :
        files.stream()
            .map(Map.Entry::getKey)
            .filter(f -> f.contains("/"))
            .map(f -> f.substring(0, f.lastIndexOf('/')))
            .collect(Collectors.toCollection(java.util.TreeSet::new))) {
      Files.createDirectories(out.resolve(dir));
    }
    AtomicLong bytes = new AtomicLong();
    try {
      files.parallelStream()
          .forEach(
              f -> {
                ByteBuffer content = f.getValue().get();
                bytes.addAndGet(content.remaining());
                try (FileChannel file =
                    FileChannel.open(
                        out.resolve(f.getKey()),
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                  while (content.hasRemaining()) {
                    file.write(content);
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    int pages = (int) files.stream().filter(f -> f.getKey().endsWith(".html")).count();
    return new Written(pages, index.size(), shards, bytes.get());
  }

  // ---------------------------------------------------------------- search

  private SearchIndex searchIndex() {
    SearchIndex index = new SearchIndex();
    for (Zone zone : zones) {
      index.add("z", zone.name(), SitePaths.zone(zone.name()), zone.description(), "");
    }
    for (Team team : sorted(model.teams(), Team::name)) {
      index.add("t", team.name(), SitePaths.team(team.name()), team.description(), "");
    }
    for (Workspace w : workspaces) {
      index.add("w", w.name(), SitePaths.workspace(w.name()), w.description(), "");
    }
    for (Datastore d : datastores) {
      index.add("s", d.name(), SitePaths.datastore(d.name()), d.description(), "");
      for (Dataset ds : d.datasets()) {
        String columns = ds.columns().stream().map(c -> c.name()).collect(Collectors.joining(" "));
        index.add(
            "d",
            d.name() + "." + ds.name(),
            SitePaths.dataset(d.name(), ds.name()),
            ds.description(),
            columns);
      }
    }
    return index;
  }

  // ---------------------------------------------------------------- overview pages

  private Page page(String path, String title) {
    return new Page(path, title, site, shards);
  }

  private ByteBuffer indexPage() {
    Page p = page(SitePaths.INDEX, "Overview");
    Optional<Ecosystem> eco = model.ecosystem();
    p.h1("Ecosystem", eco.map(Ecosystem::name).orElse("(no Ecosystem document)"));
    p.description(eco.map(Ecosystem::description).orElse(""));
    p.raw("<table class=\"facts\">");
    eco.ifPresent(
        e -> p.fact("Repository", e.repository().toString()).fact("Live branch", e.liveBranch()));
    long datasets = datastores.stream().mapToLong(d -> d.datasets().size()).sum();
    p.fact("Zones", String.valueOf(zones.size()))
        .fact("Teams", String.valueOf(model.teams().size()))
        .fact("Datastores", String.valueOf(datastores.size()))
        .fact("Datasets", String.valueOf(datasets))
        .fact("Workspaces", String.valueOf(workspaces.size()));
    p.raw("</table>\n");
    List<Platform> platforms = eco.map(Ecosystem::platforms).orElse(List.of());
    if (!platforms.isEmpty()) {
      p.h2("Platforms");
      p.raw("<table><thead><tr><th>Platform</th><th>Type</th><th>Description</th>")
          .raw("<th>Datasets ingested</th></tr></thead><tbody>");
      for (Platform platform : sorted(platforms, Platform::name)) {
        int ingested =
            graph
                .platform(platform.name())
                .map(pi -> pi.datastores().stream().mapToInt(s -> s.datasets().size()).sum())
                .orElse(0);
        p.raw("<tr><td>")
            .text(platform.name())
            .raw("</td><td>")
            .text(platform.type())
            .raw("</td><td>")
            .text(platform.description())
            .raw("</td><td>")
            .text(String.valueOf(ingested))
            .raw("</td></tr>");
      }
      p.raw("</tbody></table>\n");
    }
    p.h2("Zones");
    p.raw("<table><thead><tr><th>Zone</th><th>Description</th><th>Teams</th></tr></thead><tbody>");
    for (Zone zone : zones) {
      p.raw("<tr><td>")
          .link(SitePaths.zone(zone.name()), zone.name())
          .raw("</td><td>")
          .text(zone.description())
          .raw("</td><td>")
          .text(String.valueOf(teamsByZone.getOrDefault(zone.name(), List.of()).size()))
          .raw("</td></tr>");
    }
    p.raw("</tbody></table>\n");
    return p.finish();
  }

  private ByteBuffer datastoresPage() {
    Page p = page(SitePaths.DATASTORES, "Datastores");
    p.h1("All", "Datastores");
    p.raw("<table><thead><tr><th>Datastore</th><th>Team</th><th>Status</th><th>Datasets</th>")
        .raw("<th>Description</th></tr></thead><tbody>");
    for (Datastore d : datastores) {
      p.raw("<tr><td>").link(SitePaths.datastore(d.name()), d.name());
      deprecatedBadge(p, d.deprecated());
      p.raw("</td><td>")
          .link(SitePaths.team(d.team()), d.team())
          .raw("</td><td>")
          .text(d.productionStatus().yaml())
          .raw("</td><td>")
          .text(String.valueOf(d.datasets().size()))
          .raw("</td><td>")
          .text(d.description())
          .raw("</td></tr>\n");
    }
    p.raw("</tbody></table>\n");
    return p.finish();
  }

  private ByteBuffer workspacesPage() {
    Page p = page(SitePaths.WORKSPACES, "Workspaces");
    p.h1("All", "Workspaces");
    workspaceTable(p, workspaces);
    return p.finish();
  }

  private void workspaceTable(Page p, List<Workspace> list) {
    p.raw("<table><thead><tr><th>Workspace</th><th>Team</th><th>Status</th><th>Sinks</th>")
        .raw("<th>Description</th></tr></thead><tbody>");
    for (Workspace w : list) {
      p.raw("<tr><td>").link(SitePaths.workspace(w.name()), w.name());
      deprecatedBadge(p, w.deprecated());
      p.raw("</td><td>")
          .link(SitePaths.team(w.team()), w.team())
          .raw("</td><td>")
          .text(w.productionStatus().yaml())
          .raw("</td><td>")
          .text(String.valueOf(w.datasetGroups().stream().mapToInt(g -> g.sinks().size()).sum()))
          .raw("</td><td>")
          .text(w.description())
          .raw("</td></tr>\n");
    }
    p.raw("</tbody></table>\n");
  }

  private ByteBuffer ownersPage() {
    Page p = page(SitePaths.OWNERS, "Owners");
    p.h1("Ownership", "Who owns what");
    p.raw("<p>Each team's datastores and workspaces, by zone. A zone is owned by the repository")
        .raw(" the Ecosystem declares it in, a team by the repository its zone declares.</p>\n");
    for (String zoneName : allZoneNames()) {
      p.raw("<h2 id=\"zone-").text(SitePaths.file(zoneName)).raw("\">Zone ");
      p.link(SitePaths.zone(zoneName), zoneName);
      zoneRepository(zoneName).ifPresent(r -> p.raw(" <small>").text(r).raw("</small>"));
      p.raw("</h2>\n<table><thead><tr><th>Team</th><th>Repository</th><th>Datastores</th>")
          .raw("<th>Datasets</th><th>Workspaces</th><th>Deprecated</th></tr></thead><tbody>");
      for (Team team : teamsByZone.getOrDefault(zoneName, List.of())) {
        List<Datastore> stores = datastoresByTeam.getOrDefault(team.name(), List.of());
        List<Workspace> spaces = workspacesByTeam.getOrDefault(team.name(), List.of());
        long deprecated =
            stores.stream().filter(Datastore::deprecated).count()
                + stores.stream()
                    .flatMap(d -> d.datasets().stream())
                    .filter(Dataset::deprecated)
                    .count()
                + spaces.stream().filter(Workspace::deprecated).count();
        p.raw("<tr><td>")
            .link(SitePaths.team(team.name()), team.name())
            .raw("</td><td>")
            .text(teamRepository(team).orElse(""))
            .raw("</td><td>")
            .text(String.valueOf(stores.size()))
            .raw("</td><td>")
            .text(String.valueOf(stores.stream().mapToInt(d -> d.datasets().size()).sum()))
            .raw("</td><td>")
            .text(String.valueOf(spaces.size()))
            .raw("</td><td>")
            .text(String.valueOf(deprecated))
            .raw("</td></tr>\n");
      }
      p.raw("</tbody></table>\n");
    }
    return p.finish();
  }

  private ByteBuffer deprecatedPage() {
    Page p = page(SitePaths.DEPRECATED, "Deprecated");
    p.h1("Deprecation", "What is deprecated and who still uses it");
    p.raw("<p>Deprecated datastores and datasets, with every workspace that still sinks them:")
        .raw(" those are the teams to talk to before the data goes away.</p>\n");
    p.raw("<table class=\"deprecated\"><thead><tr><th>Dataset</th><th>Deprecated</th>")
        .raw("<th>Owner</th><th>Still sunk by</th></tr></thead><tbody>");
    int rows = 0;
    for (Datastore d : datastores) {
      for (Dataset ds : d.datasets()) {
        if (!d.deprecated() && !ds.deprecated()) {
          continue;
        }
        rows++;
        p.raw("<tr><td>")
            .link(SitePaths.dataset(d.name(), ds.name()), d.name() + "." + ds.name())
            .raw("</td><td>")
            .text(d.deprecated() ? "its datastore" : "the dataset")
            .raw("</td><td>")
            .link(SitePaths.team(d.team()), d.team())
            .raw("</td><td>");
        List<Consumer> consumers = graph.consumersOf(d.name(), ds.name());
        if (consumers.isEmpty()) {
          p.raw("<span class=\"none\">nobody</span>");
        }
        String sep = "";
        for (Consumer c : consumers) {
          p.raw(sep).link(SitePaths.workspace(c.workspace()), c.workspace());
          p.raw(" <small>(").text(c.team()).raw(")</small>");
          sep = ", ";
        }
        p.raw("</td></tr>\n");
      }
    }
    if (rows == 0) {
      p.raw("<tr><td colspan=\"4\" class=\"none\">Nothing is deprecated.</td></tr>");
    }
    p.raw("</tbody></table>\n");
    List<Workspace> deprecatedWorkspaces =
        workspaces.stream().filter(Workspace::deprecated).toList();
    p.h2("Deprecated workspaces");
    if (deprecatedWorkspaces.isEmpty()) {
      p.raw("<p class=\"none\">None.</p>\n");
    } else {
      workspaceTable(p, deprecatedWorkspaces);
    }
    return p.finish();
  }

  // ---------------------------------------------------------------- owners

  private ByteBuffer zonePage(Zone zone) {
    Page p = page(SitePaths.zone(zone.name()), "Zone " + zone.name());
    p.h1("Zone", zone.name());
    p.description(zone.description());
    p.raw("<table class=\"facts\">");
    zoneRepository(zone.name()).ifPresent(r -> p.fact("Repository", r));
    p.raw("</table>\n");
    p.h2("Teams");
    p.raw("<table><thead><tr><th>Team</th><th>Description</th><th>Datastores</th>")
        .raw("<th>Workspaces</th></tr></thead><tbody>");
    for (Team team : teamsByZone.getOrDefault(zone.name(), List.of())) {
      p.raw("<tr><td>")
          .link(SitePaths.team(team.name()), team.name())
          .raw("</td><td>")
          .text(team.description())
          .raw("</td><td>")
          .text(String.valueOf(datastoresByTeam.getOrDefault(team.name(), List.of()).size()))
          .raw("</td><td>")
          .text(String.valueOf(workspacesByTeam.getOrDefault(team.name(), List.of()).size()))
          .raw("</td></tr>\n");
    }
    p.raw("</tbody></table>\n");
    return p.finish();
  }

  private ByteBuffer teamPage(Team team) {
    Page p = page(SitePaths.team(team.name()), "Team " + team.name());
    p.raw("<p class=\"crumbs\">").link(SitePaths.zone(team.zone()), team.zone()).raw("</p>");
    p.h1("Team", team.name());
    p.description(team.description());
    p.raw("<table class=\"facts\">");
    p.raw("<tr><th>Zone</th><td>").link(SitePaths.zone(team.zone()), team.zone()).raw("</td></tr>");
    teamRepository(team).ifPresent(r -> p.fact("Repository", r));
    if (!team.documentation().isBlank()) {
      if (Html.isWebUrl(team.documentation())) {
        p.raw("<tr><th>Documentation</th><td><a rel=\"noopener\" href=\"")
            .text(team.documentation().strip())
            .raw("\">")
            .text(team.documentation().strip())
            .raw("</a></td></tr>");
      } else {
        p.fact("Documentation", team.documentation());
      }
    }
    p.raw("</table>\n");
    p.h2("Datastores");
    p.raw("<table><thead><tr><th>Datastore</th><th>Status</th><th>Datasets</th>")
        .raw("<th>Description</th></tr></thead><tbody>");
    for (Datastore d : datastoresByTeam.getOrDefault(team.name(), List.of())) {
      p.raw("<tr><td>").link(SitePaths.datastore(d.name()), d.name());
      deprecatedBadge(p, d.deprecated());
      p.raw("</td><td>")
          .text(d.productionStatus().yaml())
          .raw("</td><td>")
          .text(String.valueOf(d.datasets().size()))
          .raw("</td><td>")
          .text(d.description())
          .raw("</td></tr>\n");
    }
    p.raw("</tbody></table>\n");
    p.h2("Workspaces");
    workspaceTable(p, workspacesByTeam.getOrDefault(team.name(), List.of()));
    return p.finish();
  }

  // ---------------------------------------------------------------- datastores and datasets

  private ByteBuffer datastorePage(Datastore d) {
    String path = SitePaths.datastore(d.name());
    Page p = page(path, "Datastore " + d.name());
    crumbs(p, d.team());
    p.h1("Datastore", d.name());
    if (d.deprecated()) {
      p.badge("deprecated", "deprecated");
    }
    p.description(d.description());
    p.raw("<table class=\"facts\">");
    p.raw("<tr><th>Team</th><td>").link(SitePaths.team(d.team()), d.team()).raw("</td></tr>");
    p.fact("Status", d.productionStatus().yaml())
        .fact("Capture", d.capture().type())
        .fact("Database", d.capture().database() + " on " + d.capture().host());
    p.raw("</table>\n");
    p.h2("Datasets");
    p.raw("<table><thead><tr><th>Dataset</th><th>Table</th><th>Columns</th>")
        .raw("<th>Classifications</th><th>Consumers</th><th>Description</th></tr></thead><tbody>");
    for (Dataset ds : d.datasets()) {
      p.raw("<tr><td>").link(SitePaths.dataset(d.name(), ds.name()), ds.name());
      deprecatedBadge(p, ds.deprecated());
      p.raw("</td><td><code>")
          .text(ds.table())
          .raw("</code></td><td>")
          .text(String.valueOf(ds.columns().size()))
          .raw("</td><td>")
          .text(String.join(", ", ds.classifications()))
          .raw("</td><td>")
          .text(String.valueOf(graph.consumersOf(d.name(), ds.name()).size()))
          .raw("</td><td>")
          .text(ds.description())
          .raw("</td></tr>\n");
    }
    p.raw("</tbody></table>\n");
    Map<String, Platform> platforms = platformsIngesting(d);
    if (!platforms.isEmpty()) {
      p.h2("Generated for it");
      p.raw("<table><thead><tr><th>Platform</th><th>Source connector</th><th>Sink connector</th>")
          .raw("<th>Replication slot</th><th>Publication</th></tr></thead><tbody>");
      for (Platform platform : platforms.values()) {
        p.raw("<tr><td>")
            .text(platform.name())
            .raw("</td><td><code>")
            .text(ZeroArtifacts.sourceConnector(platform, d))
            .raw("</code></td><td><code>")
            .text(ZeroArtifacts.sinkConnector(platform, d))
            .raw("</code></td><td><code>")
            .text(ZeroArtifacts.slot(platform, d))
            .raw("</code></td><td><code>")
            .text(ZeroArtifacts.publication(platform, d))
            .raw("</code></td></tr>\n");
      }
      p.raw("</tbody></table>\n");
    }
    return p.finish();
  }

  private ByteBuffer datasetPage(Datastore d, Dataset ds) {
    String path = SitePaths.dataset(d.name(), ds.name());
    Page p = page(path, "Dataset " + d.name() + "." + ds.name());
    crumbs(p, d.team());
    p.raw(" &rsaquo; ").link(SitePaths.datastore(d.name()), d.name());
    p.h1("Dataset", d.name() + "." + ds.name());
    if (ds.deprecated()) {
      p.badge("deprecated", "deprecated");
    } else if (d.deprecated()) {
      p.badge("deprecated", "deprecated with its datastore");
    }
    p.description(ds.description());
    p.raw("<table class=\"facts\">");
    p.raw("<tr><th>Datastore</th><td>")
        .link(SitePaths.datastore(d.name()), d.name())
        .raw("</td></tr>");
    p.raw("<tr><th>Team</th><td>").link(SitePaths.team(d.team()), d.team()).raw("</td></tr>");
    p.fact("Source table", ds.table());
    p.fact(
        "Classifications",
        ds.classifications().isEmpty() ? "unclassified" : String.join(", ", ds.classifications()));
    p.raw("</table>\n");

    p.h2("Columns");
    p.raw("<table class=\"columns\"><thead><tr><th>Column</th><th>Type</th><th>Nullable</th>")
        .raw("<th>Key</th><th>Description</th></tr></thead><tbody>");
    for (var c : ds.columns()) {
      p.raw("<tr id=\"col-")
          .text(SitePaths.file(c.name()))
          .raw("\"><td><code>")
          .text(c.name())
          .raw("</code></td><td><code>")
          .text(c.type().toString())
          .raw("</code></td><td>")
          .raw(c.nullable() ? "yes" : "no")
          .raw("</td><td>")
          .raw(c.primaryKey() ? "primary key" : "")
          .raw("</td><td>")
          .text(c.description())
          .raw("</td></tr>\n");
    }
    p.raw("</tbody></table>\n");

    List<Consumer> consumers = graph.consumersOf(d.name(), ds.name());
    Map<String, List<Consumer>> byPlatform = new TreeMap<>();
    Map<String, Platform> platformNamed = new TreeMap<>();
    for (Consumer c : consumers) {
      c.platform()
          .filter(pl -> Platform.ZERO.equals(pl.type()))
          .ifPresent(
              pl -> {
                byPlatform.computeIfAbsent(pl.name(), k -> new ArrayList<>()).add(c);
                platformNamed.putIfAbsent(pl.name(), pl);
              });
    }

    p.h2("Lineage");
    if (byPlatform.isEmpty()) {
      p.raw("<p class=\"none\">No workspace sinks this dataset through a platform, so nothing")
          .raw(" captures it yet.</p>\n");
    }
    for (var entry : byPlatform.entrySet()) {
      Platform platform = platformNamed.get(entry.getKey());
      Lineage picture = datasetLineage(p, platform, d, ds, entry.getValue());
      p.raw("<figure class=\"lineage\" data-platform=\"").text(platform.name()).raw("\">");
      picture.draw(p, "Lineage of " + d.name() + "." + ds.name() + " on " + platform.name());
      p.raw("<figcaption>On platform ")
          .text(platform.name())
          .raw(
              ": source table &rarr; Kafka topic &rarr; staging table &rarr; corpus &rarr; workspaces")
          .raw("</figcaption>")
          .raw("</figure>\n");
    }

    if (!byPlatform.isEmpty()) {
      p.h2("Generated for it");
      p.raw("<table><thead><tr><th>Platform</th><th>Topic</th><th>Staging table</th>")
          .raw("<th>Corpus tables</th><th>MERGE jobs</th></tr></thead><tbody>");
      for (var entry : byPlatform.entrySet()) {
        Platform platform = platformNamed.get(entry.getKey());
        List<Milestoning> kept = milestonings(entry.getValue());
        p.raw("<tr><td>")
            .text(platform.name())
            .raw("</td><td><code>")
            .text(ZeroArtifacts.topic(platform, d, ds))
            .raw("</code></td><td><code>")
            .text(ZeroArtifacts.staging(platform, d, ds))
            .raw("</code></td><td>");
        codeList(p, kept.stream().map(m -> ZeroArtifacts.corpus(platform, d, ds, m)).toList());
        p.raw("</td><td>");
        codeList(p, kept.stream().map(m -> ZeroArtifacts.mergeJob(platform, d, ds, m)).toList());
        p.raw("</td></tr>\n");
      }
      p.raw("</tbody></table>\n");
    }

    p.h2("Consumers");
    if (consumers.isEmpty()) {
      p.raw("<p class=\"none\">No workspace sinks this dataset.</p>\n");
    } else {
      p.raw("<table class=\"consumers\"><thead><tr><th>Workspace</th><th>Team</th>")
          .raw("<th>Dataset group</th><th>Milestoning</th><th>Platform</th></tr></thead><tbody>");
      for (Consumer c : consumers) {
        p.raw("<tr><td>")
            .link(SitePaths.workspace(c.workspace()), c.workspace())
            .raw("</td><td>")
            .link(SitePaths.team(c.team()), c.team())
            .raw("</td><td>")
            .text(c.datasetGroup())
            .raw("</td><td>")
            .text(c.milestoning().yaml())
            .raw("</td><td>")
            .text(c.platform().map(Platform::name).orElse("none serves its group"))
            .raw("</td></tr>\n");
      }
      p.raw("</tbody></table>\n");
    }
    return p.finish();
  }

  private static Lineage datasetLineage(
      Page p, Platform platform, Datastore d, Dataset ds, List<Consumer> consumers) {
    Lineage l = new Lineage();
    l.node(
        "source",
        0,
        Lineage.Kind.DATASTORE,
        d.name(),
        ds.table() + " in " + d.capture().database(),
        p.href(SitePaths.datastore(d.name())));
    l.node(
        "topic", 1, Lineage.Kind.TOPIC, ZeroArtifacts.topic(platform, d, ds), "Kafka topic", null);
    l.node(
        "staging",
        2,
        Lineage.Kind.STAGING,
        ZeroArtifacts.staging(platform, d, ds),
        "staging table",
        null);
    l.edge("source", "topic").edge("topic", "staging");
    for (Milestoning m : milestonings(consumers)) {
      l.node(
          "corpus-" + m.yaml(),
          3,
          Lineage.Kind.CORPUS,
          ZeroArtifacts.corpus(platform, d, ds, m),
          m.yaml() + " corpus table",
          null);
      l.edge("staging", "corpus-" + m.yaml());
    }
    for (Consumer c : consumers) {
      String id = "ws-" + c.workspace();
      l.node(
          id,
          4,
          Lineage.Kind.WORKSPACE,
          c.workspace(),
          "workspace · " + c.datasetGroup(),
          p.href(SitePaths.workspace(c.workspace())));
      l.edge("corpus-" + c.milestoning().yaml(), id);
    }
    return l;
  }

  // ---------------------------------------------------------------- workspaces

  private ByteBuffer workspacePage(Workspace w) {
    Page p = page(SitePaths.workspace(w.name()), "Workspace " + w.name());
    crumbs(p, w.team());
    p.h1("Workspace", w.name());
    if (w.deprecated()) {
      p.badge("deprecated", "deprecated");
    }
    p.description(w.description());
    p.raw("<table class=\"facts\">");
    p.raw("<tr><th>Team</th><td>").link(SitePaths.team(w.team()), w.team()).raw("</td></tr>");
    p.fact("Status", w.productionStatus().yaml());
    p.raw("</table>\n");

    Lineage l = new Lineage();
    l.node("ws", 3, Lineage.Kind.WORKSPACE, w.name(), "this workspace", null);
    for (DatasetGroup g : w.datasetGroups()) {
      Optional<Platform> platform = graph.assignedPlatform(g);
      for (Sink s : g.sinks()) {
        Optional<Datastore> store = model.datastore(s.datastore());
        Optional<Dataset> ds = store.flatMap(x -> x.dataset(s.dataset()));
        if (ds.isEmpty()) {
          continue;
        }
        String storeId = "s-" + s.datastore();
        String dsId = "d-" + s.key();
        l.node(
            storeId,
            0,
            Lineage.Kind.DATASTORE,
            s.datastore(),
            "datastore",
            p.href(SitePaths.datastore(s.datastore())));
        l.node(
            dsId,
            1,
            Lineage.Kind.DATASET,
            s.key(),
            "dataset",
            p.href(SitePaths.dataset(s.datastore(), s.dataset())));
        l.edge(storeId, dsId);
        if (platform.isPresent() && Platform.ZERO.equals(platform.get().type())) {
          String table =
              ZeroArtifacts.corpus(platform.get(), store.get(), ds.get(), g.milestoning());
          String tableId = "c-" + platform.get().name() + "-" + table;
          l.node(
              tableId,
              2,
              Lineage.Kind.CORPUS,
              table,
              g.milestoning().yaml() + " on " + platform.get().name(),
              null);
          l.edge(dsId, tableId).edge(tableId, "ws");
        } else {
          l.edge(dsId, "ws");
        }
      }
    }
    p.h2("Lineage");
    p.raw("<figure class=\"lineage\">");
    l.draw(p, "What workspace " + w.name() + " consumes");
    p.raw("<figcaption>Datastore &rarr; dataset &rarr; corpus table &rarr; this workspace")
        .raw("</figcaption>")
        .raw("</figure>\n");

    p.h2("Dataset groups");
    for (DatasetGroup g : w.datasetGroups()) {
      Optional<Platform> platform = graph.assignedPlatform(g);
      p.raw("<h3>").text(g.name()).raw(" <small>");
      p.text(
          (platform.map(pl -> "on " + pl.name()).orElse("served by no platform"))
              + " · "
              + g.milestoning().yaml());
      p.raw("</small></h3>\n<table class=\"sinks\"><thead><tr><th>Dataset</th>")
          .raw("<th>Datastore</th><th>Description</th></tr></thead><tbody>");
      for (Sink s : g.sinks()) {
        Optional<Datastore> store = model.datastore(s.datastore());
        Optional<Dataset> ds = store.flatMap(x -> x.dataset(s.dataset()));
        p.raw("<tr><td>");
        if (ds.isPresent()) {
          p.link(SitePaths.dataset(s.datastore(), s.dataset()), s.key());
          deprecatedBadge(p, ds.get().deprecated() || store.get().deprecated());
        } else {
          p.text(s.key()).raw(" <span class=\"none\">(not in the model)</span>");
        }
        p.raw("</td><td>");
        if (store.isPresent()) {
          p.link(SitePaths.datastore(s.datastore()), s.datastore());
        } else {
          p.text(s.datastore());
        }
        p.raw("</td><td>").text(ds.map(Dataset::description).orElse("")).raw("</td></tr>\n");
      }
      p.raw("</tbody></table>\n");
    }
    return p.finish();
  }

  // ---------------------------------------------------------------- helpers

  private void crumbs(Page p, String teamName) {
    String zone = model.team(teamName).map(Team::zone).orElse(null);
    p.raw("<p class=\"crumbs\">");
    if (zone != null) {
      p.link(SitePaths.zone(zone), zone).raw(" &rsaquo; ");
    }
    p.link(SitePaths.team(teamName), teamName);
  }

  private static void deprecatedBadge(Page p, boolean deprecated) {
    if (deprecated) {
      p.raw(" ").badge("deprecated", "deprecated");
    }
  }

  private static void codeList(Page p, List<String> items) {
    String sep = "";
    for (String item : items) {
      p.raw(sep).raw("<code>").text(item).raw("</code>");
      sep = "<br>";
    }
  }

  private static List<Milestoning> milestonings(List<Consumer> consumers) {
    return consumers.stream().map(Consumer::milestoning).distinct().sorted().toList();
  }

  /** The Zero platforms that capture some dataset of {@code d}, by name. */
  private Map<String, Platform> platformsIngesting(Datastore d) {
    Map<String, Platform> platforms = new TreeMap<>();
    for (Dataset ds : d.datasets()) {
      for (Consumer c : graph.consumersOf(d.name(), ds.name())) {
        c.platform()
            .filter(pl -> Platform.ZERO.equals(pl.type()))
            .ifPresent(pl -> platforms.putIfAbsent(pl.name(), pl));
      }
    }
    return platforms;
  }

  private List<String> allZoneNames() {
    java.util.TreeSet<String> names = new java.util.TreeSet<>(teamsByZone.keySet());
    zones.forEach(z -> names.add(z.name()));
    return List.copyOf(names);
  }

  private Optional<String> zoneRepository(String zone) {
    return model
        .ecosystem()
        .flatMap(e -> e.zone(zone))
        .map(Declaration::repository)
        .map(Object::toString);
  }

  private Optional<String> teamRepository(Team team) {
    return model
        .zone(team.zone())
        .flatMap(z -> z.team(team.name()))
        .map(Declaration::repository)
        .map(Object::toString);
  }

  private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> name) {
    return items.stream().sorted(Comparator.comparing(name)).toList();
  }

  private static ByteBuffer ascii(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static ByteBuffer resource(String name) {
    try (InputStream in = CatalogSite.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return ByteBuffer.wrap(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
