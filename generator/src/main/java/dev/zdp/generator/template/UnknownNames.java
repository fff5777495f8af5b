package dev.zdp.generator.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The unknown names met while one template renders on this thread. */
final class UnknownNames {

  record Unknown(String what, String name, Collection<String> known, int line) {}

  private static final ThreadLocal<List<Unknown>> CURRENT = new ThreadLocal<>();

  private UnknownNames() {}

  static void start() {
    CURRENT.set(new ArrayList<>());
  }

  static List<Unknown> finish() {
    List<Unknown> found = CURRENT.get();
    CURRENT.remove();
    return found == null ? List.of() : found;
  }

  static void record(Unknown unknown) {
    List<Unknown> found = CURRENT.get();
    if (found != null) {
      found.add(unknown);
    }
  }
}
