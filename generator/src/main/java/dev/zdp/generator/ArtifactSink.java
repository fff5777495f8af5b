package dev.zdp.generator;

import java.io.IOException;

/**
 * Takes rendered artifacts one at a time, as they are rendered, from several threads at once and in
 * no particular order; each path comes once.
 */
@FunctionalInterface
public interface ArtifactSink {
  void accept(String path, byte[] content) throws IOException;
}
