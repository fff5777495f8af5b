package dev.zdp.model.load;

import dev.zdp.model.Team;
import java.util.Map;
import java.util.Optional;

/** Binds a Team document. */
final class TeamBinder {

  private TeamBinder() {}

  static Optional<Team> bind(DocumentBinder.Header header, Binding binding) {
    Fields meta = header.metadata();
    String zone = meta.requiredText("zone");
    String description = meta.text("description", "");
    meta.finish(Map.of("documentation", "spec"));
    Fields spec = header.spec();
    String documentation = spec.text("documentation", "");
    spec.finish(Map.of("zone", "metadata", "description", "metadata"));
    if (meta.failed() || spec.failed()) {
      return Optional.empty();
    }
    return Optional.of(new Team(header.name(), zone, description, documentation));
  }
}
