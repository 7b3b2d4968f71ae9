package io.paramspace.sweep;

import io.paramspace.runtime.ConfigSpace;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A finite, indexed sequence of configs of one space: a {@linkplain GridSource grid}, a
 * {@linkplain RandomSource random} or {@linkplain ManualSource manual} source, or a {@link Sweep}.
 * Element {@code i} is computed by itself ({@link #get}), with nothing shared between indices, so
 * task {@code i} of a job array can compute configuration {@code i} alone; iteration yields {@code
 * get(0), get(1), ..., get(size() - 1)}. Implementations are immutable and thread-safe.
 *
 * @param <T> the config record
 */
public interface ConfigSequence<T> extends Iterable<T> {

  /** The space every element is a point of. */
  ConfigSpace<T> space();

  /** The number of elements. */
  long size();

  /**
   * Element {@code index}, computed directly.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
   */
  T get(long index);

  /**
   * The manifest that rebuilds this exact sequence ({@link Manifest#read}, then {@link
   * Manifest#sequence()}).
   *
   * @throws SweepException if a value or a narrowing of the space cannot be written
   */
  default Manifest toManifest() {
    return Manifest.of(this);
  }

  /**
   * The sequence of the manifest in {@code file}, rebuilt ({@link Manifest#read}, {@link
   * Manifest#sequence(String)}).
   *
   * @throws ManifestException naming the file and the key at fault
   */
  static ConfigSequence<?> fromManifest(java.nio.file.Path file) {
    return Manifest.read(file).sequence(file.toString());
  }

  /**
   * As {@link #fromManifest(java.nio.file.Path)}, checked to be a sequence of {@code type}.
   *
   * @throws ManifestException if it is not, or for anything else at fault
   */
  static <T> ConfigSequence<T> fromManifest(java.nio.file.Path file, Class<T> type) {
    return Manifest.read(file).sequence(type, file.toString());
  }

  /** This sequence as a sweep, to combine with others ({@link Sweep#from}). */
  default Sweep<T> toSweep() {
    return Sweep.from(this);
  }

  /** {@code get(0)}, ..., {@code get(size() - 1)}. */
  @Override
  default Iterator<T> iterator() {
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < size();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return get(next++);
      }
    };
  }

  /** The elements in order; a parallel stream computes them independently. */
  default Stream<T> stream() {
    return LongStream.range(0, size()).mapToObj(this::get);
  }

  @Override
  default Spliterator<T> spliterator() {
    return Spliterators.spliterator(iterator(), size(), Spliterator.ORDERED | Spliterator.IMMUTABLE);
  }

  /**
   * Every element in a list.
   *
   * @throws SweepException if there are more than {@code Integer.MAX_VALUE - 8}
   */
  default List<T> toList() {
    if (size() > Integer.MAX_VALUE - 8) {
      throw new SweepException("a sequence of " + size() + " configs does not fit in a list; iterate it,"
          + " or take elements by index with get(i)");
    }
    List<T> all = new ArrayList<>((int) size());
    for (T config : this) {
      all.add(config);
    }
    return all;
  }

  /**
   * Checks that {@code index} is an index of a sequence of {@code size} elements.
   *
   * @throws IndexOutOfBoundsException naming the sequence and its valid indices otherwise
   */
  static void checkIndex(long index, long size, String what) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " is outside " + what + ", which has " + size
          + (size == 1 ? " config (index 0)" : size == 0 ? " configs" : " configs (indices 0 to " + (size - 1) + ")"));
    }
  }
}
