package io.paramspace.sweep;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.sweep.testing.Seeded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random sweep expressions (products, zips, chains, sets, repeats of axes and of each other)
 * against a reference that builds every element's assignments eagerly, by the definitions.
 */
class SweepPropertiesTest {
  private static final Map<String, List<Object>> VALUES = Map.of(
      "learningRate", List.of(1e-4, 1e-3, 1e-2),
      "batchSize", List.of(16, 32, 64, 128),
      "seed", List.of(0, 1, 2, 3),
      "inner.mode", List.of("fast", "slow"),
      "inner.ratio", List.of(0.0, 0.25, 0.5, 1.0));
  private static final Map<String, Function<Seeded, Object>> READ = Map.of(
      "learningRate", Seeded::learningRate,
      "batchSize", s -> (long) s.batchSize(),
      "seed", s -> (long) s.seed(),
      "inner.mode", s -> s.inner().mode(),
      "inner.ratio", s -> s.inner().ratio());

  /** A sweep and the assignments of each of its elements. */
  private record Built(Sweep<Seeded> sweep, List<Map<String, Object>> reference) {}

  @Property(tries = 300)
  void getEqualsTheReferenceAndIteration(@ForAll long seed) {
    Random random = new Random(seed);
    Built tree = build(random, 3);
    Sweep<Seeded> sweep = Sweep.over(SweepTest.SPACE, SweepTest.BASE).product(tree.sweep());
    assertThat(sweep.size()).isEqualTo(tree.reference().size());
    List<Seeded> iterated = sweep.toList();
    for (int i = 0; i < iterated.size(); i++) {
      Seeded config = sweep.get(i);
      assertThat(config).isEqualTo(iterated.get(i));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("learningRate", SweepTest.BASE.learningRate());
      expected.put("batchSize", (long) SweepTest.BASE.batchSize());
      expected.put("seed", (long) SweepTest.BASE.seed());
      expected.put("inner.mode", SweepTest.BASE.inner().mode());
      expected.put("inner.ratio", SweepTest.BASE.inner().ratio());
      expected.putAll(tree.reference().get(i));
      for (Map.Entry<String, Object> entry : expected.entrySet()) {
        assertThat(READ.get(entry.getKey()).apply(config)).isEqualTo(normal(entry.getValue()));
      }
    }
  }

  private static Object normal(Object value) {
    return value instanceof Integer i ? (Object) (long) i : value;
  }

  private static Built build(Random random, int depth) {
    int kind = depth == 0 ? 0 : random.nextInt(7);
    switch (kind) {
      case 1 -> {
        Built a = build(random, depth - 1);
        Built b = build(random, depth - 1);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> x : a.reference()) {
          for (Map<String, Object> y : b.reference()) {
            out.add(merge(x, y));
          }
        }
        return new Built(a.sweep().product(b.sweep()), out);
      }
      case 2 -> {
        Built a = build(random, depth - 1);
        Built b = build(random, depth - 1);
        if (a.reference().size() != b.reference().size()) {
          return a;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < a.reference().size(); i++) {
          out.add(merge(a.reference().get(i), b.reference().get(i)));
        }
        return new Built(a.sweep().zip(b.sweep()), out);
      }
      case 3 -> {
        Built a = build(random, depth - 1);
        Built b = build(random, depth - 1);
        List<Map<String, Object>> out = new ArrayList<>(a.reference());
        out.addAll(b.reference());
        return new Built(a.sweep().chain(b.sweep()), out);
      }
      case 4 -> {
        Built a = build(random, depth - 1);
        int times = 1 + random.nextInt(3);
        boolean withSeed = random.nextBoolean();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int c = 0; c < times; c++) {
          for (Map<String, Object> x : a.reference()) {
            out.add(withSeed ? merge(x, Map.of("seed", (long) c)) : x);
          }
        }
        return new Built(withSeed ? a.sweep().repeat(times, "seed") : a.sweep().repeat(times), out);
      }
      case 5 -> {
        Built a = build(random, depth - 1);
        String path = pick(random);
        Object value = VALUES.get(path).get(random.nextInt(VALUES.get(path).size()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> x : a.reference()) {
          out.add(merge(x, Map.of(path, value)));
        }
        return new Built(a.sweep().set(path, value), out);
      }
      case 6 -> {
        // zip of two axes of one length
        String p = pick(random);
        String q = pick(random);
        int n = 1 + random.nextInt(Math.min(VALUES.get(p).size(), VALUES.get(q).size()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          out.add(merge(Map.of(p, VALUES.get(p).get(i)), Map.of(q, VALUES.get(q).get(i))));
        }
        return new Built(Sweep.over(SweepTest.SPACE).zip(Axis.of(p, VALUES.get(p).subList(0, n)),
            Axis.of(q, VALUES.get(q).subList(0, n))), out);
      }
      default -> {
        String path = pick(random);
        int n = 1 + random.nextInt(VALUES.get(path).size());
        List<Object> values = VALUES.get(path).subList(0, n);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object value : values) {
          out.add(Map.of(path, value));
        }
        return new Built(Sweep.over(SweepTest.SPACE).product(path, values.toArray()), out);
      }
    }
  }

  private static String pick(Random random) {
    List<String> paths = List.of("learningRate", "batchSize", "seed", "inner.mode", "inner.ratio");
    return paths.get(random.nextInt(paths.size()));
  }

  private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    out.putAll(b);
    return out;
  }
}
