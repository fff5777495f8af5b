package dev.zdp.generator;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.hubspot.jinjava.Jinjava;
import dev.zdp.generator.template.TemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Stable digests of what an artifact's bytes depend on, so that {@code zdp generate} can leave out
 * rendering an artifact whose inputs did not change since the last write (see {@link
 * ArtifactWriter}). Each is a 128-bit MurmurHash3 (Guava's {@code murmur3_128}, seed 0, whose
 * output is fixed by the algorithm), in hex: not a defence against someone forging a file, but ten
 * times faster than SHA-256 on this JVM's C1-only settings, and hashing every file on disk is most
 * of an unchanged {@code generate}.
 */
final class Fingerprint {

  private static final HashFunction HASH = Hashing.murmur3_128();

  /** Bumped when the way fingerprints are computed changes. */
  private static final String FORMAT = "zdp-fingerprint 2";

  /**
   * The classes whose code decides an artifact's bytes besides its template and context: the
   * renderer's formatting, the template engine and zdp's filters.
   */
  private static final List<String> RENDERING_CODE =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(
                  Fingerprint.class.getName(),
                  TemplateEngine.class.getName(),
                  "dev.zdp.generator.template.BuiltIns",
                  // Pebble's version: its jar's manifest names none, its engine's class file does
                  "io.pebbletemplates.pebble.PebbleEngine",
                  "dev.zdp.generator.template.Filters",
                  "dev.zdp.generator.template.DirectFilterCalls",
                  "dev.zdp.generator.template.HclFormatter",
                  "dev.zdp.generator.template.StrictMap"),
              PlatformRenderer.builtIn().stream().flatMap(r -> r.renderingCode().stream()))
          .toList();

  private Fingerprint() {}

  /**
   * What every artifact of a render depends on alike: zdp's rendering code, Pebble's and Jinjava's
   * versions, every built-in template and every file of the user's template directory (an override,
   * or a file one of them includes).
   */
  static String renderer(Optional<Path> userTemplates) {
    Hasher hasher = HASH.newHasher();
    text(hasher, FORMAT);
    text(hasher, String.valueOf(Jinjava.class.getPackage().getImplementationVersion()));
    for (String code : RENDERING_CODE) {
      text(hasher, code);
      bytes(hasher, classFile(code));
    }
    for (String name : Generator.templateNames()) {
      text(hasher, name);
      text(hasher, TemplateEngine.builtIn(name).orElse(""));
    }
    for (Map.Entry<String, byte[]> file : userFiles(userTemplates).entrySet()) {
      text(hasher, file.getKey());
      bytes(hasher, file.getValue());
    }
    return hasher.hash().toString();
  }

  /**
   * The fingerprint of one artifact: the renderer's, the template's name and the context handed to
   * it, walked in key order. A context holds maps, lists, strings, numbers, booleans and nulls.
   */
  static String of(String renderer, String template, Map<String, ?> context) {
    return new Maker(renderer).of(template, context);
  }

  /**
   * Makes the fingerprints of one thread's artifacts: the context is written into one reused buffer
   * that is hashed at once, and a top-level value of the context that is the very object the
   * previous context held under the same name (the platform, the naming constants: shared by every
   * artifact of a platform) is written as its digest, computed once. Contexts are built to be
   * rendered and never changed afterwards, which is what makes the second safe. Not thread-safe.
   */
  static final class Maker {
    private final String renderer;
    private final Map<String, Object> lastShared = new HashMap<>();
    private final Map<String, byte[]> lastSharedDigest = new HashMap<>();
    private byte[] buffer = new byte[1 << 14];
    private int size;

    Maker(String renderer) {
      this.renderer = renderer;
    }

    String of(String template, Map<String, ?> context) {
      size = 0;
      text(renderer);
      text(template);
      SortedMap<?, ?> sorted = inKeyOrder(context);
      putByte('M');
      putInt(sorted.size());
      for (Map.Entry<?, ?> entry : sorted.entrySet()) {
        String key = (String) entry.getKey();
        text(key);
        Object value = entry.getValue();
        if (value instanceof Map<?, ?>) {
          putByte('D');
          putBytes(digestOf(key, value));
        } else {
          value(value);
        }
      }
      return HASH.hashBytes(buffer, 0, size).toString();
    }

    /** The digest of a top-level map, remembered while the next context holds the same object. */
    private byte[] digestOf(String key, Object map) {
      if (lastShared.get(key) == map) {
        return lastSharedDigest.get(key);
      }
      int start = size;
      value(map);
      byte[] digest = HASH.hashBytes(buffer, start, size - start).asBytes();
      size = start;
      lastShared.put(key, map);
      lastSharedDigest.put(key, digest);
      return digest;
    }

    private void value(Object value) {
      if (value == null) {
        putByte('N');
      } else if (value instanceof String s) {
        putByte('S');
        text(s);
      } else if (value instanceof Integer || value instanceof Long) {
        putByte('I');
        putLong(((Number) value).longValue());
      } else if (value instanceof Boolean b) {
        putByte(b ? 'T' : 'F');
      } else if (value instanceof Map<?, ?> map) {
        putByte('M');
        putInt(map.size());
        for (Map.Entry<?, ?> entry : inKeyOrder(map).entrySet()) {
          text((String) entry.getKey());
          value(entry.getValue());
        }
      } else if (value instanceof List<?> list) {
        putByte('L');
        putInt(list.size());
        for (Object item : list) {
          value(item);
        }
      } else {
        throw new IllegalArgumentException(
            "cannot fingerprint a " + value.getClass().getName() + " in a template context");
      }
    }

    /** A string, its length first so that two strings never read as one. */
    private void text(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      putInt(bytes.length);
      putBytes(bytes);
    }

    private void putByte(int b) {
      room(1);
      buffer[size++] = (byte) b;
    }

    private void putInt(int i) {
      room(4);
      buffer[size++] = (byte) (i >>> 24);
      buffer[size++] = (byte) (i >>> 16);
      buffer[size++] = (byte) (i >>> 8);
      buffer[size++] = (byte) i;
    }

    private void putLong(long l) {
      putInt((int) (l >>> 32));
      putInt((int) l);
    }

    private void putBytes(byte[] bytes) {
      room(bytes.length);
      System.arraycopy(bytes, 0, buffer, size, bytes.length);
      size += bytes.length;
    }

    private void room(int more) {
      if (size + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
      }
    }
  }

  /** The digest of a file's bytes, as recorded in the manifest. */
  static String content(byte[] content) {
    return HASH.hashBytes(content).toString();
  }

  /** The map itself when it is sorted by its keys' natural order (a StrictMap), else a copy. */
  private static SortedMap<?, ?> inKeyOrder(Map<?, ?> map) {
    if (map instanceof SortedMap<?, ?> sorted && sorted.comparator() == null) {
      return sorted;
    }
    SortedMap<String, Object> copy = new TreeMap<>();
    map.forEach((k, v) -> copy.put((String) k, v));
    return copy;
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

  /** A string, its length first so that two strings never read as one. */
  private static void text(Hasher hasher, String text) {
    hasher.putInt(text.length()).putString(text, StandardCharsets.UTF_8);
  }

  private static void bytes(Hasher hasher, byte[] bytes) {
    hasher.putInt(bytes.length).putBytes(bytes);
  }
}
