package dev.zdp.generator;

import java.io.IOException;

/**
 * Takes rendered artifacts one at a time, as they are rendered, from several threads at once and in
 * no particular order; each path comes once.
 */
@FunctionalInterface
public interface ArtifactSink {
  void accept(String path, byte[] content) throws IOException;

  /**
   * A sink that may already hold an artifact as it would be rendered now: before rendering one, the
   * generator hands it the artifact's fingerprint (a digest of everything its bytes depend on) and
   * renders it only when the sink does not keep it.
   */
  interface Incremental extends ArtifactSink {

    /**
     * Called once before any artifact, with the digest of what every artifact depends on alike
     * (zdp's rendering code and the templates), which is part of each fingerprint.
     */
    void renderer(String rendererFingerprint);

    /**
     * True when the sink keeps the artifact as last written with this fingerprint, and takes it as
     * written: it will not be rendered nor passed to {@code accept}.
     */
    boolean upToDate(String path, String fingerprint) throws IOException;

    /** Takes a rendered artifact with its fingerprint. */
    void accept(String path, String fingerprint, byte[] content) throws IOException;

    @Override
    default void accept(String path, byte[] content) throws IOException {
      accept(path, ArtifactWriter.NO_FINGERPRINT, content);
    }
  }
}
