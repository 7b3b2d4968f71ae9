package io.paramspace.runtime;

import java.util.List;

/**
 * The distribution of one parameter, as a study stores it and a sampler models it: Optuna's
 * {@code FloatDistribution}, {@code IntDistribution} and {@code CategoricalDistribution}, with the
 * same attributes, so that a stored study reads the same in Python.
 *
 * <p>Values are in their <em>external</em> form, the one {@link ConfigSpace#parameters} gives and
 * {@link ConfigSpace#fromParameters} takes: {@code Double} for floats, {@code Long} for ints, and for
 * categoricals {@code String}, {@code Boolean}, {@code Long} or {@code Double} (enum constants by
 * name, the branches of a sealed field by simple class name). The <em>internal</em> form is a
 * double, as Optuna stores it: the value itself, or a categorical's index.
 */
public sealed interface Distribution
    permits Distribution.FloatDistribution, Distribution.IntDistribution, Distribution.CategoricalDistribution {

  /** {@code true} if {@code value} (external form) is a value of this distribution. */
  boolean contains(Object value);

  /** The internal form of {@code value}, which must be {@linkplain #contains contained}. */
  double toInternal(Object value);

  /** The external form of an internal value. */
  Object toExternal(double internal);

  /** Reals in {@code [low, high]}; {@code step} is {@code null} when continuous. */
  record FloatDistribution(double low, double high, boolean log, Double step) implements Distribution {
    @Override
    public boolean contains(Object value) {
      if (!(value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer)) {
        return false;
      }
      double v = ((Number) value).doubleValue();
      if (!(v >= low && v <= high)) {
        return false;
      }
      if (step == null) {
        return true;
      }
      double k = (v - low) / step;
      return Math.abs(k - Math.rint(k)) <= 1e-9 * Math.max(1, Math.abs(k));
    }

    @Override
    public double toInternal(Object value) {
      return ((Number) value).doubleValue();
    }

    @Override
    public Object toExternal(double internal) {
      return internal;
    }
  }

  /** Integers in {@code [low, high]}, every {@code step}. */
  record IntDistribution(long low, long high, boolean log, long step) implements Distribution {
    @Override
    public boolean contains(Object value) {
      if (!(value instanceof Long || value instanceof Integer)) {
        return false;
      }
      long v = ((Number) value).longValue();
      return v >= low && v <= high && Long.remainderUnsigned(v - low, step) == 0;
    }

    @Override
    public double toInternal(Object value) {
      return ((Number) value).longValue();
    }

    @Override
    public Object toExternal(double internal) {
      return (long) internal;
    }
  }

  /**
   * One of {@code choices}, in the space's order. {@code weights} are the space's prior weights
   * (all 1.0 unless the {@code @Choice} gave weights); Optuna has no weights, so a storage does not
   * write them.
   */
  record CategoricalDistribution(List<Object> choices, List<Double> weights) implements Distribution {
    public CategoricalDistribution {
      choices = List.copyOf(choices);
      weights = List.copyOf(weights);
    }

    @Override
    public boolean contains(Object value) {
      return indexOf(value) >= 0;
    }

    /** The index of {@code value}, comparing numbers by value ({@code 32} and {@code 32L} match). */
    public int indexOf(Object value) {
      for (int i = 0; i < choices.size(); i++) {
        if (sameChoice(choices.get(i), value)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public double toInternal(Object value) {
      int index = indexOf(value);
      if (index < 0) {
        throw new IllegalArgumentException(value + " is not one of " + choices);
      }
      return index;
    }

    @Override
    public Object toExternal(double internal) {
      return choices.get((int) internal);
    }

    private static boolean sameChoice(Object choice, Object value) {
      if (choice instanceof Long && (value instanceof Integer || value instanceof Long)) {
        return ((Number) value).longValue() == (Long) choice;
      }
      if (choice instanceof Double && (value instanceof Double || value instanceof Float)) {
        return Double.compare(((Number) value).doubleValue(), (Double) choice) == 0;
      }
      return choice.equals(value);
    }
  }
}
