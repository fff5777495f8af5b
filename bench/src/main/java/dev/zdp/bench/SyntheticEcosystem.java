package dev.zdp.bench;

import dev.zdp.model.load.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;

/**
 * A valid ecosystem model of a given {@link Shape}, deterministic for its seed: zones, teams,
 * datastores with varied columns and classifications, and workspaces that sink 5 to 50 datasets
 * each on the Zero platform, some of them forensic. {@link #withPullRequest()} is the same model
 * after a pull request of ordinary size by one team.
 */
public final class SyntheticEcosystem {

  static final String ECOSYSTEM = "bench";
  static final String PLATFORM = "zero";
  static final List<String> CLASSIFICATIONS = List.of("public", "internal", "pii", "financial");

  /** The dataset the pull request adds; not among {@link Words#DATASETS}. */
  static final String ADDED_DATASET = "audit_trail";

  /** The nullable column the pull request adds; not among {@link Words#COLUMNS}. */
  static final String ADDED_COLUMN = "change_note";

  /** The dataset group the pull request adds to one of its team's workspaces. */
  static final String ADDED_GROUP = "review_feed";

  record Column(String name, String type, boolean nullable, boolean primaryKey) {}

  record Dataset(
      String name,
      String table,
      String description,
      List<String> classifications,
      boolean deprecated,
      List<Column> columns) {

    Dataset withColumn(Column column) {
      List<Column> more = new ArrayList<>(columns);
      more.add(column);
      return new Dataset(name, table, description, classifications, deprecated, List.copyOf(more));
    }
  }

  record Datastore(
      String name,
      String team,
      String service,
      String description,
      boolean production,
      List<Dataset> datasets) {

    Datastore withDatasets(List<Dataset> replaced) {
      return new Datastore(name, team, service, description, production, List.copyOf(replaced));
    }
  }

  record Sink(String datastore, String dataset) {}

  record Group(String name, boolean forensic, List<Sink> sinks) {}

  record Workspace(
      String name, String team, String description, boolean production, List<Group> groups) {

    Workspace withGroup(Group group) {
      List<Group> more = new ArrayList<>(groups);
      more.add(group);
      return new Workspace(name, team, description, production, List.copyOf(more));
    }
  }

  /** Where the pull request happens: its team, two datastores of that team and a workspace. */
  record PullRequest(int team, int firstDatastore, int secondDatastore, int workspace) {}

  private final Shape shape;
  private final List<Datastore> datastores;
  private final List<Workspace> workspaces;
  private final PullRequest pullRequest;

  private SyntheticEcosystem(
      Shape shape,
      List<Datastore> datastores,
      List<Workspace> workspaces,
      PullRequest pullRequest) {
    this.shape = shape;
    this.datastores = List.copyOf(datastores);
    this.workspaces = List.copyOf(workspaces);
    this.pullRequest = pullRequest;
  }

  /** The model before the pull request: what the live branch holds. */
  public static SyntheticEcosystem generate(Shape shape) {
    Random random = new Random(shape.seed());
    PullRequest pullRequest = choosePullRequest(shape, new Random(shape.seed() + 1));
    List<Datastore> datastores = new ArrayList<>(shape.datastores());
    for (int i = 0; i < shape.datastores(); i++) {
      datastores.add(datastore(shape, i, random));
    }
    List<Workspace> workspaces = new ArrayList<>(shape.workspaces());
    for (int i = 0; i < shape.workspaces(); i++) {
      workspaces.add(workspace(shape, i, datastores, i == pullRequest.workspace(), random));
    }
    return new SyntheticEcosystem(shape, datastores, workspaces, pullRequest);
  }

  /**
   * The model after one team's pull request: a nullable column added to two of its datasets, a new
   * dataset, and a new dataset group in one of its workspaces sinking all three. Valid as a change
   * proposed from {@link #changeSource()}.
   */
  public SyntheticEcosystem withPullRequest() {
    List<Datastore> changedStores = new ArrayList<>(datastores);
    Column added = new Column(ADDED_COLUMN, "text", true, false);
    Datastore first = changedStores.get(pullRequest.firstDatastore());
    List<Dataset> firstDatasets = new ArrayList<>(first.datasets());
    firstDatasets.set(0, firstDatasets.get(0).withColumn(added));
    List<Sink> sinks = new ArrayList<>();
    sinks.add(new Sink(first.name(), firstDatasets.get(0).name()));
    if (pullRequest.secondDatastore() == pullRequest.firstDatastore()) {
      firstDatasets.set(1, firstDatasets.get(1).withColumn(added));
      sinks.add(new Sink(first.name(), firstDatasets.get(1).name()));
    } else {
      Datastore second = changedStores.get(pullRequest.secondDatastore());
      List<Dataset> secondDatasets = new ArrayList<>(second.datasets());
      secondDatasets.set(0, secondDatasets.get(0).withColumn(added));
      changedStores.set(pullRequest.secondDatastore(), second.withDatasets(secondDatasets));
      sinks.add(new Sink(second.name(), secondDatasets.get(0).name()));
    }
    firstDatasets.add(auditTrail(first.name()));
    sinks.add(new Sink(first.name(), ADDED_DATASET));
    changedStores.set(pullRequest.firstDatastore(), first.withDatasets(firstDatasets));

    List<Workspace> changedWorkspaces = new ArrayList<>(workspaces);
    Workspace workspace = changedWorkspaces.get(pullRequest.workspace());
    Set<Sink> already = new LinkedHashSet<>();
    workspace.groups().forEach(group -> already.addAll(group.sinks()));
    List<Sink> newSinks = sinks.stream().filter(sink -> !already.contains(sink)).toList();
    changedWorkspaces.set(
        pullRequest.workspace(), workspace.withGroup(new Group(ADDED_GROUP, false, newSinks)));
    return new SyntheticEcosystem(shape, changedStores, changedWorkspaces, pullRequest);
  }

  /**
   * The repository and branch of the team making the pull request, as {@code owner/name@branch}.
   */
  public String changeSource() {
    return teamRepository(teamName(pullRequest.team()));
  }

  public Shape shape() {
    return shape;
  }

  List<Datastore> datastores() {
    return datastores;
  }

  List<Workspace> workspaces() {
    return workspaces;
  }

  /** Every model file by its path, one per datastore, workspace, team and zone. */
  public SortedMap<String, String> files() {
    return new YamlFiles(shape).render(datastores, workspaces);
  }

  /** {@link #files()} as the loader reads them. */
  public List<SourceFile> sourceFiles() {
    List<SourceFile> files = new ArrayList<>();
    for (Map.Entry<String, String> file : files().entrySet()) {
      files.add(new SourceFile(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8)));
    }
    return List.copyOf(files);
  }

  // ---------------------------------------------------------------- names

  static String zoneName(int zone) {
    return String.format("zone_%02d", zone);
  }

  static String teamName(int team) {
    return String.format("team_%04d", team);
  }

  static String teamRepository(String team) {
    return ECOSYSTEM + "/" + team.replace('_', '-') + "@main";
  }

  static String zoneRepository(String zone) {
    return ECOSYSTEM + "/" + zone.replace('_', '-') + "@main";
  }

  // ---------------------------------------------------------------- generation

  private static PullRequest choosePullRequest(Shape shape, Random random) {
    int teamsWithWorkspaces = Math.min(shape.teams(), shape.workspaces());
    int team = random.nextInt(teamsWithWorkspaces);
    int first = team * Shape.DATASTORES_PER_TEAM;
    int storesOfTeam = Math.min(shape.datastores() - first, Shape.DATASTORES_PER_TEAM);
    int second = storesOfTeam > 1 ? first + 1 : first;
    // workspace i belongs to team i % teams, so workspace `team` is this team's first
    return new PullRequest(team, first, second, team);
  }

  private static Datastore datastore(Shape shape, int index, Random random) {
    String service = Words.pick(Words.SERVICES, random);
    String name = service + "_" + String.format("%05d", index);
    String team = teamName(index / Shape.DATASTORES_PER_TEAM);
    List<String> datasetNames =
        Words.distinct(Words.DATASETS, shape.datasetsPerDatastore(), random);
    List<Dataset> datasets = new ArrayList<>(datasetNames.size());
    for (int d = 0; d < datasetNames.size(); d++) {
      datasets.add(dataset(datasetNames.get(d), d, random));
    }
    return new Datastore(
        name,
        team,
        service,
        "Operational database of the " + service + " service, shard " + index,
        random.nextInt(10) < 7,
        datasets);
  }

  private static Dataset dataset(String name, int position, Random random) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("id", "bigint", false, true));
    int count = 5 + random.nextInt(11);
    if (random.nextInt(100) < 15) {
      columns.add(new Column("line_no", "bigint", false, true));
    }
    for (String column : Words.distinct(Words.COLUMNS, count - columns.size(), random)) {
      columns.add(
          new Column(column, Words.pick(Words.TYPES, random), random.nextInt(5) == 0, false));
    }
    List<String> classifications = new ArrayList<>();
    classifications.add(Words.pick(CLASSIFICATIONS, random));
    if (random.nextInt(5) == 0) {
      String second = Words.pick(CLASSIFICATIONS, random);
      if (!classifications.contains(second)) {
        classifications.add(second);
      }
    }
    Collections.sort(classifications);
    String table = random.nextInt(10) < 3 ? "app." + name : null;
    String description = random.nextBoolean() ? "The " + name.replace('_', ' ') + " table" : null;
    boolean deprecated = position > 1 && random.nextInt(50) == 0;
    return new Dataset(
        name, table, description, List.copyOf(classifications), deprecated, List.copyOf(columns));
  }

  private static Dataset auditTrail(String datastore) {
    return new Dataset(
        ADDED_DATASET,
        null,
        "Who changed what in " + datastore + ", one row per change",
        List.of("internal"),
        false,
        List.of(
            new Column("id", "bigint", false, true),
            new Column("changed_by", "varchar(100)", false, false),
            new Column("changed_at", "timestamptz", false, false),
            new Column("change", "json", true, false),
            new Column(ADDED_COLUMN, "text", true, false)));
  }

  private static Workspace workspace(
      Shape shape,
      int index,
      List<Datastore> datastores,
      boolean pullRequestWorkspace,
      Random random) {
    String purpose = Words.pick(Words.PURPOSES, random);
    String name = purpose + "_" + String.format("%05d", index);
    String team = teamName(index % shape.teams());
    int sinkCount = 5 + random.nextInt(46);
    int groupCount = 1 + random.nextInt(3);
    Set<Sink> chosen = new LinkedHashSet<>();
    boolean allProduction = true;
    int attempts = 0;
    while (chosen.size() < sinkCount && attempts++ < sinkCount * 10) {
      Datastore store = datastores.get(random.nextInt(datastores.size()));
      Dataset dataset = store.datasets().get(random.nextInt(store.datasets().size()));
      if (!dataset.deprecated() && chosen.add(new Sink(store.name(), dataset.name()))) {
        allProduction &= store.production();
      }
    }
    List<Sink> sinks = new ArrayList<>(chosen);
    List<Group> groups = new ArrayList<>();
    int perGroup = (sinks.size() + groupCount - 1) / groupCount;
    for (int g = 0; g * perGroup < sinks.size(); g++) {
      List<Sink> part = sinks.subList(g * perGroup, Math.min(sinks.size(), (g + 1) * perGroup));
      groups.add(new Group("feed_" + (g + 1), random.nextInt(10) == 0, List.copyOf(part)));
    }
    boolean production = allProduction && !pullRequestWorkspace && random.nextBoolean();
    return new Workspace(
        name, team, "The " + purpose.replace('_', ' ') + " workspace", production, groups);
  }
}
