package dev.zdp.generator;

import com.hubspot.jinjava.Jinjava;
import dev.zdp.generator.template.TemplateEngine;
import dev.zdp.generator.zero.ZeroRenderer;
import dev.zdp.model.platform.zero.ZeroNames;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Stable digests of what an artifact's bytes depend on, so that {@code zdp generate} can leave out
 * rendering an artifact whose inputs did not change since the last write (see {@link
 * ArtifactWriter}). Each is the first 128 bits of a SHA-256, in hex.
 */
final class Fingerprint {

  /** Bumped when the way fingerprints are computed changes. */
  private static final String FORMAT = "zdp-fingerprint 1";

  /**
   * The classes whose code decides an artifact's bytes besides its template and context: the
   * renderer's formatting, the template engine and zdp's filters.
   */
  private static final List<String> RENDERING_CODE =
      List.of(
          Fingerprint.class.getName(),
          ZeroRenderer.class.getName(),
          "dev.zdp.generator.zero.StagingTables",
          TemplateEngine.class.getName(),
          "dev.zdp.generator.template.Filters",
          "dev.zdp.generator.template.DirectFilterCalls",
          "dev.zdp.generator.template.HclFormatter",
          "dev.zdp.generator.template.StrictMap",
          ZeroNames.class.getName());

  private Fingerprint() {}

  /**
   * What every artifact of a render depends on alike: zdp's rendering code and Jinjava's version,
   * every built-in template and every file of the user's template directory (an override, or a file
   * one of them includes).
   */
  static String renderer(Optional<Path> userTemplates) {
    MessageDigest digest = sha256();
    update(digest, FORMAT);
    update(digest, String.valueOf(Jinjava.class.getPackage().getImplementationVersion()));
    for (String code : RENDERING_CODE) {
      update(digest, code);
      update(digest, classFile(code));
    }
    for (String name : ZeroRenderer.TEMPLATES) {
      update(digest, name);
      update(digest, TemplateEngine.builtIn(name).orElse(""));
    }
    for (Map.Entry<String, byte[]> file : userFiles(userTemplates).entrySet()) {
      update(digest, file.getKey());
      update(digest, file.getValue());
    }
    return hex(digest);
  }

  /**
   * The fingerprint of one artifact: the renderer's, the template's name and the context handed to
   * it, walked in key order. A context holds maps, lists, strings, numbers, booleans and nulls.
   */
  static String of(String renderer, String template, Map<String, ?> context) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(renderer);
      out.writeUTF(template);
      write(out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MessageDigest digest = sha256();
    digest.update(bytes.toByteArray());
    return hex(digest);
  }

  /** The digest of a file's bytes, as recorded in the manifest. */
  static String content(byte[] content) {
    MessageDigest digest = sha256();
    digest.update(content);
    return hex(digest);
  }

  private static void write(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte('N');
    } else if (value instanceof String s) {
      out.writeByte('S');
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(utf8.length);
      out.write(utf8);
    } else if (value instanceof Integer || value instanceof Long) {
      out.writeByte('I');
      out.writeLong(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      out.writeByte(b ? 'T' : 'F');
    } else if (value instanceof Map<?, ?> map) {
      SortedMap<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put((String) k, v));
      out.writeByte('M');
      out.writeInt(sorted.size());
      for (Map.Entry<String, Object> entry : sorted.entrySet()) {
        write(out, entry.getKey());
        write(out, entry.getValue());
      }
    } else if (value instanceof List<?> list) {
      out.writeByte('L');
      out.writeInt(list.size());
      for (Object item : list) {
        write(out, item);
      }
    } else {
      throw new IllegalArgumentException(
          "cannot fingerprint a " + value.getClass().getName() + " in a template context");
    }
  }

  private static byte[] classFile(String className) {
    String resource = className.replace('.', '/') + ".class";
    try (InputStream in = Fingerprint.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file under the directory by relative path, sorted. */
  private static SortedMap<String, byte[]> userFiles(Optional<Path> directory) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
      return files;
    }
    Path root = directory.get();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static void update(MessageDigest digest, String text) {
    update(digest, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void update(MessageDigest digest, byte[] bytes) {
    digest.update(
        new byte[] {
          (byte) (bytes.length >>> 24),
          (byte) (bytes.length >>> 16),
          (byte) (bytes.length >>> 8),
          (byte) bytes.length
        });
    digest.update(bytes);
  }

  private static String hex(MessageDigest digest) {
    byte[] full = digest.digest();
    return HexFormat.of().formatHex(full, 0, 16);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
