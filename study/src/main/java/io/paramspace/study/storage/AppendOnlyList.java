package io.paramspace.study.storage;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An append-only list handing out read-only snapshots in O(1): a snapshot is the array and the
 * size at the time, and appends never touch the slots a snapshot can see. This is what keeps an
 * ask at 100,000 finished trials as cheap as at 1,000 (the finished trials of a study, the history
 * a sampler sees). Not thread-safe by itself: its owner appends under a lock; snapshots may be
 * read from any thread they are handed to.
 */
public final class AppendOnlyList<E> {
  private Object[] items = new Object[64];
  private int size;

  /** Appends an element and returns its index. */
  public int add(E trial) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size] = trial;
    return size++;
  }

  /** Replaces an element (a trial with a newer snapshot of itself: a system attribute added). */
  public void replace(int index, E trial) {
    items[index] = trial;
  }

  public int size() {
    return size;
  }

  /** The elements so far; later appends do not show in it. */
  public List<E> snapshot() {
    return new Snapshot<>(items, size);
  }

  /** Forgets every element. */
  public void clear() {
    items = new Object[64];
    size = 0;
  }

  private static final class Snapshot<E> extends AbstractList<E> implements RandomAccess {
    private final Object[] items;
    private final int size;

    Snapshot(Object[] items, int size) {
      this.items = items;
      this.size = size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("index " + index + ", size " + size);
      }
      return (E) items[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
