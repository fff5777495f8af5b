package dev.zdp.model.load;

import dev.zdp.model.Declaration;
import dev.zdp.model.Ecosystem;
import dev.zdp.model.Platform;
import dev.zdp.model.RepositoryRef;
import dev.zdp.model.RuleLevel;
import dev.zdp.model.load.LoadProblem.Code;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds an Ecosystem document: ownership, zone declarations, platforms and rule levels. */
final class EcosystemBinder {

  private EcosystemBinder() {}

  static Optional<Ecosystem> bind(DocumentBinder.Header header, Binding binding) {
    Fields meta = header.metadata();
    Fields spec = header.spec();
    String description = meta.text("description", "");
    meta.finish(Map.of("repository", "spec", "zones", "spec", "platforms", "spec"));

    Optional<RepositoryRef> repository = Repositories.required(spec, "repository", binding);
    String liveBranch = spec.text("liveBranch", "main");
    List<Declaration> zones = Repositories.declarations(spec, "zones", "zone", binding);
    List<Platform> platforms =
        spec.mapList(
            "platforms",
            (node, i) -> PlatformBinder.bind(node, i, header.path(), binding),
            "a platform");
    Map<String, RuleLevel> rules =
        spec.wordMap(
            "rules",
            fields ->
                id -> {
                  Optional<RuleLevel> level = fields.choice(id, Vocabulary.RULE_LEVEL);
                  if (binding.recordsLocations()) {
                    binding.locate(fields.path().item("rules", id), fields.at());
                  }
                  return level;
                });
    spec.finish(Map.of("description", "metadata"));
    if (spec.failed() || repository.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Ecosystem(
            header.name(), description, repository.get(), liveBranch, zones, platforms, rules));
  }

  /** Reports a repository problem on {@code key}'s value. */
  static void badRepository(Fields fields, String key, String why, Binding binding) {
    binding.problem(
        Code.INVALID_VALUE,
        why,
        fields.valueAt(key),
        fields.path().field(key),
        "write owner/name@branch, or gitlab:group/project@branch");
  }
}
