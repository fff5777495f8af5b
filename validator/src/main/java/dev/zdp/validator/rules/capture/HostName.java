package dev.zdp.validator.rules.capture;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a capture's {@code host} may be: a DNS name, an IPv4 literal or an IPv6 literal, and nothing
 * else: no scheme, no port, no path, no credentials.
 */
final class HostName {

  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9]+(\\.[0-9]+)*");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final int MAX_LENGTH = 253;

  private HostName() {}

  /** Why {@code host} is not a host name or address, or empty when it is one. */
  static Optional<String> problem(String host) {
    if (host.isBlank()) {
      return Optional.of("is empty");
    }
    if (host.contains("://")) {
      return Optional.of("has a scheme ('" + host.substring(0, host.indexOf("://") + 3) + "')");
    }
    if (host.contains("@")) {
      return Optional.of("has credentials in it");
    }
    if (host.contains("/")) {
      return Optional.of("has a path");
    }
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close > 0 && isIpv6(host.substring(1, close))) {
        return Optional.of(
            close == host.length() - 1 ? "has brackets around an IPv6 address" : "has a port");
      }
      return Optional.of("is not an IPv6 address");
    }
    if (host.chars().filter(c -> c == ':').count() > 1) {
      return isIpv6(host) ? Optional.empty() : Optional.of("is not an IPv6 address");
    }
    if (host.contains(":")) {
      return Optional.of("has a port");
    }
    if (DOTTED_NUMBERS.matcher(host).matches()) {
      return isIpv4(host) ? Optional.empty() : Optional.of("is not an IPv4 address");
    }
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (name.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.of(
            label.isEmpty()
                ? "has an empty label between dots"
                : "has a label '"
                    + label
                    + "' that is not a DNS label (letters, digits and inner hyphens, at most 63)");
      }
    }
    return Optional.empty();
  }

  /** A host without the mistakes {@link #problem} names, as a suggestion. */
  static Optional<String> suggestion(String host) {
    String rest = host.strip();
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      rest = rest.substring(scheme + 3);
    }
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      rest = rest.substring(at + 1);
    }
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      rest = rest.substring(0, slash);
    }
    if (rest.startsWith("[") && rest.contains("]")) {
      rest = rest.substring(1, rest.indexOf(']'));
    } else if (rest.chars().filter(c -> c == ':').count() == 1) {
      rest = rest.substring(0, rest.indexOf(':'));
    }
    return !rest.equals(host) && problem(rest).isEmpty() ? Optional.of(rest) : Optional.empty();
  }

  private static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.startsWith("0"))) {
        return false;
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String text) {
    String address = text;
    int lastColon = address.lastIndexOf(':');
    if (address.indexOf('.') > lastColon && lastColon >= 0) {
      if (!isIpv4(address.substring(lastColon + 1))) {
        return false;
      }
      address = address.substring(0, lastColon + 1) + "0:0"; // an IPv4 tail is two groups
    }
    int compressed = address.indexOf("::");
    if (compressed >= 0 && address.indexOf("::", compressed + 1) >= 0) {
      return false;
    }
    if (compressed >= 0) {
      String head = address.substring(0, compressed);
      String tail = address.substring(compressed + 2);
      int groups = count(head) + count(tail);
      return groups <= 7 && valid(head) && valid(tail);
    }
    return count(address) == 8 && valid(address);
  }

  private static int count(String groups) {
    return groups.isEmpty() ? 0 : groups.split(":", -1).length;
  }

  private static boolean valid(String groups) {
    if (groups.isEmpty()) {
      return true;
    }
    for (String group : groups.split(":", -1)) {
      if (!HEX_GROUP.matcher(group).matches()) {
        return false;
      }
    }
    return true;
  }
}
