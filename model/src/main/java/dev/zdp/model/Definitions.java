package dev.zdp.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A model's definitions, packed: an immutable list of {@link Definition}s that keeps each one as
 * five array slots of four bytes (its path's parent link, last segment and element name, its line
 * and its column; the file is kept once for all a file's binding gave) and makes the {@code
 * Definition} and its last {@link ObjectPath} when one is read.
 *
 * <p>Why: a model has a definition per column, 1.2 million at 10,000 datastores, and held as
 * objects (a {@code Definition} and an {@code ObjectPath} each, ~70 bytes) they were a third of the
 * live heap of {@code plan --base} at 50,000 datastores. Packed, a definition costs 20 bytes, and
 * the parent paths it links to are the ones its siblings share. Only the rules about names read
 * definitions, once each, so the objects made on reading die young.
 *
 * <p>One list is one file's definitions ({@link Builder}); a model's list joins them ({@link
 * #join}) without copying, so a file that two models (a base and a head) hold unchanged shares its
 * packed definitions.
 */
public final class Definitions extends AbstractList<Definition> implements RandomAccess {

  private static final Definitions EMPTY = new Definitions(new Pack[0]);

  /** The packs this list joins, in order, and where each starts in the whole list. */
  private final Pack[] packs;

  private final int[] starts;
  private final int size;

  private Definitions(Pack[] packs) {
    this.packs = packs;
    this.starts = new int[packs.length];
    int at = 0;
    for (int i = 0; i < packs.length; i++) {
      starts[i] = at;
      at += packs[i].size;
    }
    this.size = at;
  }

  /** No definitions. */
  public static Definitions empty() {
    return EMPTY;
  }

  /** The same definitions, packed; {@code definitions} itself if it is packed already. */
  public static Definitions of(List<Definition> definitions) {
    if (definitions instanceof Definitions packed) {
      return packed;
    }
    Builder builder = new Builder();
    for (Definition definition : definitions) {
      builder.add(definition.path(), definition.location());
    }
    return builder.build();
  }

  /** The definitions of each list in turn, sharing their storage. */
  public static Definitions join(List<Definitions> lists) {
    int count = 0;
    for (Definitions list : lists) {
      count += list.packs.length;
    }
    if (count == 0) {
      return EMPTY;
    }
    Pack[] packs = new Pack[count];
    int i = 0;
    for (Definitions list : lists) {
      for (Pack pack : list.packs) {
        packs[i++] = pack;
      }
    }
    return new Definitions(packs);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Definition get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    // no pack is empty, so the starts are distinct
    int pack = Arrays.binarySearch(starts, index);
    if (pack < 0) {
      pack = -pack - 2;
    }
    return packs[pack].get(index - starts[pack]);
  }

  /**
   * The same definitions, at the same lines and columns of a file named {@code file}: a file read
   * under another name (renamed between two commits, or named from another directory). Shares this
   * list's storage.
   */
  public Definitions inFile(String file) {
    Objects.requireNonNull(file, "file");
    Pack[] renamed = new Pack[packs.length];
    for (int i = 0; i < packs.length; i++) {
      renamed[i] = packs[i].inFile(file);
    }
    return new Definitions(renamed);
  }

  /**
   * The definitions of top-level objects ({@code Datastore/crm}: a path of two segments), in order;
   * the others are not made.
   */
  public List<Definition> topLevel() {
    List<Definition> topLevel = new ArrayList<>();
    for (Pack pack : packs) {
      for (int i = 0; i < pack.size; i++) {
        if (pack.parents[i] != null && pack.parents[i].size() == 1) {
          topLevel.add(pack.get(i));
        }
      }
    }
    return topLevel;
  }

  /** Walks the packs in turn rather than looking each index up. */
  @Override
  public Iterator<Definition> iterator() {
    return new Iterator<>() {
      private int pack;
      private int at;

      @Override
      public boolean hasNext() {
        if (pack < packs.length && at == packs[pack].size) {
          pack++;
          at = 0;
        }
        return pack < packs.length;
      }

      @Override
      public Definition next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return packs[pack].get(at++);
      }
    };
  }

  /** Collects definitions in the order they are written, then packs them. Not thread-safe. */
  public static final class Builder {

    private ObjectPath[] parents = new ObjectPath[8];
    private String[] segments = new String[8];
    private String[] keys = new String[8];
    private String[] files = new String[8];
    private int[] places = new int[16];
    private int size;
    private boolean oneFile = true;

    public Builder add(ObjectPath path, SourceLocation at) {
      if (size == parents.length) {
        int grown = size * 2;
        parents = Arrays.copyOf(parents, grown);
        segments = Arrays.copyOf(segments, grown);
        keys = Arrays.copyOf(keys, grown);
        files = Arrays.copyOf(files, grown);
        places = Arrays.copyOf(places, 2 * grown);
      }
      parents[size] = path.link();
      segments[size] = path.segment();
      keys[size] = path.key();
      files[size] = at.file();
      oneFile &= files[size].equals(files[0]);
      places[2 * size] = at.line();
      places[2 * size + 1] = at.column();
      size++;
      return this;
    }

    /** The definitions added so far, in arrays of their exact size. */
    public Definitions build() {
      if (size == 0) {
        return EMPTY;
      }
      return new Definitions(
          new Pack[] {
            new Pack(
                Arrays.copyOf(parents, size),
                Arrays.copyOf(segments, size),
                Arrays.copyOf(keys, size),
                oneFile ? files[0] : null,
                oneFile ? null : Arrays.copyOf(files, size),
                Arrays.copyOf(places, 2 * size))
          });
    }
  }

  /**
   * The arrays of one built list. Its definitions are all in one {@code file} (what one file's
   * binding gives), or each in its own of {@code files}.
   */
  private static final class Pack {

    private final ObjectPath[] parents;
    private final String[] segments;
    private final String[] keys;
    private final String file;
    private final String[] files;
    private final int[] places;
    private final int size;

    Pack(
        ObjectPath[] parents,
        String[] segments,
        String[] keys,
        String file,
        String[] files,
        int[] places) {
      this.parents = parents;
      this.segments = segments;
      this.keys = keys;
      this.file = file;
      this.files = files;
      this.places = places;
      this.size = parents.length;
    }

    Definition get(int i) {
      return new Definition(
          ObjectPath.linked(parents[i], segments[i], keys[i]),
          file != null ? file : files[i],
          places[2 * i],
          places[2 * i + 1]);
    }

    Pack inFile(String other) {
      return new Pack(parents, segments, keys, other, null, places);
    }
  }
}
