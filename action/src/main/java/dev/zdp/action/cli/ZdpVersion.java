package dev.zdp.action.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code zdp --version}: the version from the jar's manifest, or "development build". */
final class ZdpVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = ZdpVersion.class.getPackage().getImplementationVersion();
    return new String[] {"zdp " + (version == null ? "(development build)" : version)};
  }
}
