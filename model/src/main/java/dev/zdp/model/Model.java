package dev.zdp.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A whole ecosystem model as read from one directory or one git commit: the documents bound to
 * records, where every node was written, and every named definition.
 *
 * <p>Objects keep the order they were read in (files sorted by path, documents in file order).
 * Lookups by name return the first definition; duplicates stay in the lists for the rules to
 * report.
 */
public final class Model {

  private final Optional<Ecosystem> ecosystem;
  private final List<Zone> zones;
  private final List<Team> teams;
  private final List<Datastore> datastores;
  private final List<Workspace> workspaces;
  private final SourceMap sources;
  private final Definitions definitions;

  private final Map<String, Zone> zonesByName;
  private final Map<String, Team> teamsByName;
  private final Map<String, Datastore> datastoresByName;
  private final Map<String, Workspace> workspacesByName;
  private volatile Set<ObjectPath> definedPaths;
  private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

  public Model(
      Optional<Ecosystem> ecosystem,
      List<Zone> zones,
      List<Team> teams,
      List<Datastore> datastores,
      List<Workspace> workspaces,
      SourceMap sources,
      List<Definition> definitions) {
    this.ecosystem = Objects.requireNonNull(ecosystem, "ecosystem");
    this.zones = List.copyOf(zones);
    this.teams = List.copyOf(teams);
    this.datastores = List.copyOf(datastores);
    this.workspaces = List.copyOf(workspaces);
    this.sources = Objects.requireNonNull(sources, "sources");
    this.definitions = Definitions.of(definitions);
    this.zonesByName = index(this.zones, Zone::name);
    this.teamsByName = index(this.teams, Team::name);
    this.datastoresByName = index(this.datastores, Datastore::name);
    this.workspacesByName = index(this.workspaces, Workspace::name);
  }

  /** A model with nothing in it: what a commit without model files holds. */
  public static Model empty() {
    return new Model(
        Optional.empty(), List.of(), List.of(), List.of(), List.of(), SourceMap.empty(), List.of());
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
    Map<String, T> byName = new LinkedHashMap<>();
    for (T item : items) {
      byName.putIfAbsent(name.apply(item), item);
    }
    return byName;
  }

  public Optional<Ecosystem> ecosystem() {
    return ecosystem;
  }

  public List<Zone> zones() {
    return zones;
  }

  public List<Team> teams() {
    return teams;
  }

  public List<Datastore> datastores() {
    return datastores;
  }

  public List<Workspace> workspaces() {
    return workspaces;
  }

  /** Where every bound node was written. */
  public SourceMap sources() {
    return sources;
  }

  /**
   * Every named definition in reading order, duplicates included. Packed: each element is made when
   * it is read, so read it once rather than keep its elements.
   */
  public Definitions definitions() {
    return definitions;
  }

  /**
   * The same model without its definitions, for a command that goes on after the rules have run
   * (generating, planning, the catalog): only rules about names read definitions, and at 50,000
   * datastores they and their paths are a third of the heap. Objects, locations and the facts this
   * module already derived (the intention graph) are this model's own; what the rules derived for
   * themselves (every workspace's resolved sinks, say) is left behind, and derived again if
   * anything asks. {@link #isDefined} answers false.
   */
  public Model withoutDefinitions() {
    Model checked = new Model(ecosystem, zones, teams, datastores, workspaces, sources, List.of());
    derived.forEach(
        (type, fact) -> {
          if (isOfThisModule(type)) {
            checked.derived.put(type, fact);
          }
        });
    return checked;
  }

  /** Whether {@code type} is declared in {@code dev.zdp.model} or a package below it. */
  private static boolean isOfThisModule(Class<?> type) {
    String own = Model.class.getPackageName();
    String name = type.getPackageName();
    return name.equals(own) || name.startsWith(own + ".");
  }

  /**
   * True if something was written under {@code path}, even if it could not be read into the model
   * (its load problem says why). Reference rules use it to stay quiet about a name that exists in
   * the files but failed to load, rather than repeat the load problem as "not defined".
   */
  public boolean isDefined(ObjectPath path) {
    Set<ObjectPath> defined = definedPaths;
    if (defined == null) {
      // built on first use: rules ask only about names that did not resolve, rarely
      defined = definitions.stream().map(Definition::path).collect(Collectors.toUnmodifiableSet());
      definedPaths = defined;
    }
    return defined.contains(path);
  }

  public Optional<Zone> zone(String name) {
    return Optional.ofNullable(zonesByName.get(name));
  }

  public Optional<Team> team(String name) {
    return Optional.ofNullable(teamsByName.get(name));
  }

  public Optional<Datastore> datastore(String name) {
    return Optional.ofNullable(datastoresByName.get(name));
  }

  public Optional<Workspace> workspace(String name) {
    return Optional.ofNullable(workspacesByName.get(name));
  }

  /** The dataset a sink points at, if both its datastore and its dataset exist. */
  public Optional<Dataset> dataset(String datastore, String dataset) {
    return datastore(datastore).flatMap(d -> d.dataset(dataset));
  }

  /** Where {@code path} (or its nearest recorded ancestor) was written. */
  public Optional<SourceLocation> locate(ObjectPath path) {
    return sources.find(path);
  }

  /**
   * A fact derived from this model, computed on first use and kept with it: the model is immutable,
   * so whatever is derived from it (the intention graph, say) is computed once however many rules,
   * renderers or change checks ask. {@code derive} must be a pure function of the model.
   */
  public <T> T derived(Class<T> type, Function<Model, T> derive) {
    Object known = derived.get(type);
    if (known == null) {
      // one computation however many threads ask at once (rules run in parallel); a derivation
      // may ask for another one on the same thread
      synchronized (derived) {
        known = derived.get(type);
        if (known == null) {
          known = Objects.requireNonNull(derive.apply(this), "derived value");
          derived.put(type, known);
        }
      }
    }
    return type.cast(known);
  }

  public boolean isEmpty() {
    return ecosystem.isEmpty()
        && zones.isEmpty()
        && teams.isEmpty()
        && datastores.isEmpty()
        && workspaces.isEmpty();
  }
}
