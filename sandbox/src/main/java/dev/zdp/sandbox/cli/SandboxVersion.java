package dev.zdp.sandbox.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code zdp sandbox --version}: the version from the jar's manifest, as {@code zdp --version}. */
final class SandboxVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = SandboxVersion.class.getPackage().getImplementationVersion();
    return new String[] {"zdp " + (version == null ? "(development build)" : version)};
  }
}
