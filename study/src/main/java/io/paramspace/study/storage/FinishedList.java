package io.paramspace.study.storage;

import io.paramspace.study.FrozenTrial;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The finished trials of a study, append-only, handing out snapshots in O(1): a snapshot is the
 * array and the size at the time, and appends never touch the slots a snapshot can see. This is
 * what keeps an ask at 100,000 finished trials as cheap as at 1,000. Not thread-safe by itself:
 * its storage appends under its lock; snapshots may be read from any thread.
 */
final class FinishedList {
  private FrozenTrial[] items = new FrozenTrial[64];
  private int size;

  /** Appends a trial and returns its index. */
  int add(FrozenTrial trial) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size] = trial;
    return size++;
  }

  /** Replaces a trial with a newer snapshot of itself (a system attribute added). */
  void replace(int index, FrozenTrial trial) {
    items[index] = trial;
  }

  int size() {
    return size;
  }

  List<FrozenTrial> snapshot() {
    return new Snapshot(items, size);
  }

  private static final class Snapshot extends AbstractList<FrozenTrial> implements RandomAccess {
    private final FrozenTrial[] items;
    private final int size;

    Snapshot(FrozenTrial[] items, int size) {
      this.items = items;
      this.size = size;
    }

    @Override
    public FrozenTrial get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("index " + index + ", size " + size);
      }
      return items[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
