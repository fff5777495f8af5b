package dev.zdp.validator.rules.policy;

import dev.zdp.model.AllowDeny;
import dev.zdp.model.Kind;
import dev.zdp.model.Model;
import dev.zdp.model.ObjectPath;
import dev.zdp.model.Zone;
import dev.zdp.validator.rules.Describe;
import java.util.ArrayList;
import java.util.List;

/** How the policy rules say which lines of a zone's policy refuse which names. */
final class PolicyWords {

  private PolicyWords() {}

  /**
   * "Zone 'emea' denies classification 'pii' (zones/emea.yaml:14)", "Zone 'americas' allows only
   * classifications 'internal', 'public' (zones/americas.yaml:12), not 'pii'", or both joined by ";
   * " when some names are denied and others not allowed.
   *
   * @param policy {@code classifications} or {@code platforms}
   * @param refused the names the policy does not permit, at least one
   */
  static String refusal(
      Model model, Zone zone, String policy, AllowDeny rule, List<String> refused) {
    ObjectPath policyPath = ObjectPath.of(Kind.ZONE, zone.name()).field("policies").field(policy);
    String singular = policy.substring(0, policy.length() - 1);
    List<String> denied = refused.stream().filter(rule.deny()::contains).toList();
    List<String> notAllowed = refused.stream().filter(n -> !rule.deny().contains(n)).toList();
    List<String> parts = new ArrayList<>();
    if (!denied.isEmpty()) {
      parts.add(
          "Zone '"
              + zone.name()
              + "' denies "
              + (denied.size() == 1 ? singular : policy)
              + " "
              + quoted(denied)
              + where(model, policyPath.item("deny", denied.get(0))));
    }
    if (!notAllowed.isEmpty()) {
      List<String> allowed = rule.allow().orElseThrow();
      String only =
          allowed.isEmpty()
              ? "allows no " + policy
              : "allows only " + policy + " " + quoted(allowed);
      parts.add(
          "Zone '"
              + zone.name()
              + "' "
              + only
              + ", not "
              + quoted(notAllowed)
              + where(model, policyPath.field("allow")));
    }
    return String.join("; ", parts);
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }

  private static String where(Model model, ObjectPath path) {
    return model.sources().find(path).map(l -> " (" + Describe.at(l) + ")").orElse("");
  }
}
