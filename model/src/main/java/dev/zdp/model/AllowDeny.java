package dev.zdp.model;

import java.util.List;
import java.util.Optional;

/**
 * A zone policy over names (classifications or platforms): when {@code allow} is present only its
 * names are permitted; names in {@code deny} are never permitted.
 */
public record AllowDeny(Optional<List<String>> allow, List<String> deny) {

  public static final AllowDeny ANYTHING = new AllowDeny(Optional.empty(), List.of());

  public AllowDeny {
    allow = allow.map(List::copyOf);
    deny = List.copyOf(deny);
  }

  public boolean permits(String name) {
    return !deny.contains(name) && allow.map(a -> a.contains(name)).orElse(true);
  }
}
