package dev.zdp.action.cli;

import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/** {@code zdp --version}: the version from the jar's manifest, or "development build". */
final class ZdpVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"zdp " + implementation().orElse("(development build)")};
  }

  /** The version from the jar's manifest; empty in a development build (classes, not a jar). */
  static Optional<String> implementation() {
    return Optional.ofNullable(ZdpVersion.class.getPackage().getImplementationVersion());
  }
}
