package io.paramspace.sweep;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.ReplayTrial;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grid of a small space by brute force, independent of {@link GridPlan}: every combination
 * of every parameter's values (active or not), replayed through the generated sampler, which asks
 * only the active ones; the distinct configs are the grid's points.
 */
final class BruteForce {
  private BruteForce() {}

  static <T> Set<T> points(ConfigSpace<T> space) {
    List<String> names = new ArrayList<>(space.distributions().keySet());
    List<List<Object>> values = new ArrayList<>();
    for (String name : names) {
      values.add(values(space.distributions().get(name)));
    }
    Set<T> points = new LinkedHashSet<>();
    int[] at = new int[names.size()];
    while (true) {
      Map<String, Object> combination = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        combination.put(names.get(i), values.get(i).get(at[i]));
      }
      points.add(space.sample(new ReplayTrial(combination)));
      int i = names.size() - 1;
      while (i >= 0 && ++at[i] == values.get(i).size()) {
        at[i] = 0;
        i--;
      }
      if (i < 0) {
        return points;
      }
    }
  }

  private static List<Object> values(Distribution distribution) {
    List<Object> values = new ArrayList<>();
    if (distribution instanceof Distribution.IntDistribution d) {
      for (long v = d.low(); v <= d.high(); v += d.step()) {
        values.add(v);
      }
    } else if (distribution instanceof Distribution.FloatDistribution d) {
      if (d.step() == null) {
        throw new IllegalArgumentException("continuous");
      }
      BigDecimal step = new BigDecimal(Double.toString(d.step()));
      BigDecimal low = new BigDecimal(Double.toString(d.low()));
      for (int k = 0; low.add(step.multiply(BigDecimal.valueOf(k))).doubleValue() <= d.high() + 1e-12; k++) {
        values.add(low.add(step.multiply(BigDecimal.valueOf(k))).doubleValue());
      }
    } else {
      values.addAll(((Distribution.CategoricalDistribution) distribution).choices());
    }
    return values;
  }
}
