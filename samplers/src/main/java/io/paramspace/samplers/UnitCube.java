package io.paramspace.samplers;

import io.paramspace.runtime.Distribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numeric parameters of a search space as coordinates of {@code [0, 1]^n}, as Optuna's
 * {@code _SearchSpaceTransform(transform_log, transform_step, transform_0_1)} codes them for
 * CMA-ES: coordinate {@code i} is {@code (y - lo) / (hi - lo)} with {@code y} the value (its
 * log for log parameters) and {@code [lo, hi]} its range, widened by half a step on each side for
 * ints and stepped floats (see {@link Param}), so each grid value owns an equal cell. Decoding
 * rounds to the grid and clips into the bounds.
 */
final class UnitCube {
  private final Param[] params;

  /**
   * @throws IllegalArgumentException if a distribution is categorical or holds a single value (it
   *     has no range to search)
   */
  UnitCube(Map<String, Distribution> searchSpace) {
    params = Param.array(Param.of(searchSpace));
    for (Param p : params) {
      if (p.kind == Param.Kind.CATEGORICAL) {
        throw new IllegalArgumentException("CMA-ES searches numeric parameters only; '" + p.name
            + "' is categorical (sample it independently)");
      }
      if (!(p.hi > p.lo) || p.low == p.high) {
        throw new IllegalArgumentException("'" + p.name + "' holds a single value " + p.low
            + "; leave it out of the CMA-ES search space");
      }
    }
  }

  int dimension() {
    return params.length;
  }

  List<String> names() {
    return java.util.Arrays.stream(params).map(p -> p.name).toList();
  }

  /** The cube point of internal values, or null if one is missing or not a value of its distribution. */
  double[] encode(Map<String, Double> internal) {
    double[] x = new double[params.length];
    for (int i = 0; i < params.length; i++) {
      Param p = params[i];
      Double v = internal.get(p.name);
      if (v == null || !p.contains(v)) {
        return null;
      }
      x[i] = Math.max(0, Math.min(1, (p.toKernel(v) - p.lo) / (p.hi - p.lo)));
    }
    return x;
  }

  /** The internal values of a cube point: back from log, onto the grid, into the bounds. */
  Map<String, Double> decode(double[] x) {
    Map<String, Double> internal = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i++) {
      Param p = params[i];
      internal.put(p.name, p.fromKernel(p.lo + x[i] * (p.hi - p.lo)));
    }
    return internal;
  }
}
