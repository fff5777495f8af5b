package dev.zdp.model.load;

import dev.zdp.model.AllowDeny;
import dev.zdp.model.Declaration;
import dev.zdp.model.Zone;
import dev.zdp.model.ZonePolicies;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binds a Zone document: the teams it declares and its policies. */
final class ZoneBinder {

  private ZoneBinder() {}

  static Optional<Zone> bind(DocumentBinder.Header header, Binding binding) {
    Fields meta = header.metadata();
    String description = meta.text("description", "");
    meta.finish(Map.of("teams", "spec", "policies", "spec"));
    Fields spec = header.spec();
    List<Declaration> teams = Repositories.declarations(spec, "teams", "team", binding);
    ZonePolicies policies =
        spec.map("policies", "policies of Zone '" + header.name() + "'")
            .map(ZoneBinder::policies)
            .orElse(ZonePolicies.NONE);
    spec.finish(Map.of("description", "metadata"));
    if (spec.failed()) {
      return Optional.empty();
    }
    return Optional.of(new Zone(header.name(), description, teams, policies));
  }

  private static ZonePolicies policies(Fields f) {
    AllowDeny classifications = allowDeny(f, "classifications");
    AllowDeny platforms = allowDeny(f, "platforms");
    f.finish();
    return new ZonePolicies(classifications, platforms);
  }

  private static AllowDeny allowDeny(Fields policies, String key) {
    return policies
        .map(key, "policies." + key)
        .map(
            f -> {
              Optional<List<String>> allow =
                  f.has("allow") ? Optional.of(f.textList("allow")) : Optional.empty();
              f.allow("allow");
              List<String> deny = f.textList("deny");
              f.finish();
              if (f.failed()) {
                policies.fail();
              }
              return new AllowDeny(allow, deny);
            })
        .orElse(AllowDeny.ANYTHING);
  }
}
