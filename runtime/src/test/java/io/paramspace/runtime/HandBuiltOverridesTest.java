package io.paramspace.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.sampling.ConfigSampler;
import io.paramspace.runtime.text.InputReader;
import io.paramspace.runtime.view.SpaceTree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Overrides, validation and reading on spaces built by hand: what the sample configs do not cover. */
class HandBuiltOverridesTest {
  /** A record with a float, a stepped float, a long and an int, and its access. */
  record Knobs(float rate, float fraction, long budget, int count) {}

  private static final ConfigSpace<Knobs> KNOBS = new ConfigSpace<>(Knobs.class, "Knobs", List.of(
      new FieldSpace("rate", float.class, FloatSpace.uniform(0.0, 0.1)),
      new FieldSpace("fraction", float.class, new FloatSpace(0.0, 1.0, false, 0.1)),
      new FieldSpace("budget", long.class, IntSpace.uniform(1, 10_000_000_000L)),
      new FieldSpace("count", int.class, new ConditionalSpace(Condition.compare("budget", Condition.Operator.AT_LEAST, 100L),
          IntSpace.uniform(1, 10), IntSpace.uniform(20, 30)))),
      new KnobsAccess());

  /** Reads and builds Knobs; sampling is what generated code would do, not needed here. */
  private static final class KnobsAccess implements ConfigAccess<Knobs> {
    @Override
    public Object[] components(Object config) {
      Knobs k = (Knobs) config;
      return new Object[] {k.rate(), k.fraction(), k.budget(), k.count()};
    }

    @Override
    public Knobs create(Object[] v) {
      return new Knobs((Float) v[0], (Float) v[1], (Long) v[2], (Integer) v[3]);
    }

    @Override
    public Knobs sample(Trial trial, ConfigSampler sampler) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Knobs random(Rng rng) {
      throw new UnsupportedOperationException();
    }
  }

  private static ConfigSpace<?> narrow(ConfigSpace<?> space, Map<String, ?> overrides) {
    return space.narrow(Overrides.fromMap(overrides));
  }

  private static Space field(ConfigSpace<?> space, String name) {
    return space.field(space.indexOf(name)).space();
  }

  @Test
  void aStringChoiceOnIsWrittenInYamlAsItReads() {
    ConfigSpace<?> modes = new ConfigSpace<>(Object.class, "Modes", List.of(
        new FieldSpace("mode", String.class, CategoricalSpace.of("on", "off", "auto")),
        new FieldSpace("flag", boolean.class, CategoricalSpace.of(true, false))));
    ConfigSpace<?> on = modes.narrow(Overrides.parse("mode: on\nflag: true\n", InputFormat.YAML, "o.yaml"));
    assertThat(field(on, "mode")).isEqualTo(FixedSpace.of("on"));
    assertThat(field(on, "flag")).isEqualTo(FixedSpace.of(true));
    assertThat(field(modes.narrow(Overrides.parse("mode: [off, auto]\n", InputFormat.YAML, "o.yaml")), "mode"))
        .isEqualTo(CategoricalSpace.of("off", "auto"));
  }

  @Test
  void aFloatFieldTakesItsUpperBoundAsWritten() {
    assertThat(field(narrow(KNOBS, Map.of("rate", 0.1)), "rate")).isEqualTo(FixedSpace.of(0.1f));
    assertThat(field(narrow(KNOBS, Map.of("rate", List.of(0.05, 0.1))), "rate")).isEqualTo(CategoricalSpace.of(0.05f, 0.1f));
    assertThat(field(narrow(KNOBS, Map.of("rate", Map.of("min", 0.05, "max", 0.1))), "rate"))
        .isEqualTo(FloatSpace.uniform(0.05, 0.1));
    assertThat(narrow(KNOBS, OverrideTemplateReader.template(KNOBS))).isEqualTo(KNOBS);
  }

  @Test
  void aFloatJustAboveTheBoundIsOutside() {
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class,
        () -> narrow(KNOBS, Map.of("rate", (double) Math.nextUp(0.1f))));
    assertThat(e.problems().get(0).message()).contains("is outside Float([0.0, 0.1], uniform)");
  }

  @Test
  void floatFieldsOnAStepGridValidate() {
    assertThat(KNOBS.violations(new Knobs(0.1f, 0.3f, 5, 25))).isEmpty();
    assertThat(KNOBS.violations(new Knobs(0.0f, 0.7f, 500, 3))).isEmpty();
    List<InputProblem> offGrid = KNOBS.violations(new Knobs(0.05f, 0.35f, 5, 25));
    assertThat(offGrid).hasSize(1);
    assertThat(offGrid.get(0).path()).isEqualTo("fraction");
    // Every float a seed gives is in the space.
    for (long seed = 0; seed < 2_000; seed++) {
      RandomTrial trial = new RandomTrial(seed);
      Knobs knobs = new Knobs((float) trial.suggestFloat("rate", FloatSpace.uniform(0.0, 0.1)),
          (float) trial.suggestFloat("fraction", new FloatSpace(0.0, 1.0, false, 0.1)), 5, 25);
      assertThat(KNOBS.violations(knobs)).isEmpty();
    }
  }

  @Test
  void aSteppedRangeNarrowsToTwoNeighbouringGridPoints() {
    FloatSpace narrowed = (FloatSpace) field(narrow(KNOBS, Map.of("fraction", Map.of("min", 0.6, "max", 0.7))), "fraction");
    assertThat(narrowed).isEqualTo(new FloatSpace(0.6, 0.7, false, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new FloatSpace(0.6, 0.7, false, 0.11));
  }

  @Test
  void aLongFieldTakesLongsAndAnIntFieldDoesNot() {
    assertThat(field(narrow(KNOBS, Map.of("budget", 5_000_000_000L)), "budget")).isEqualTo(FixedSpace.of(5_000_000_000L));
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class,
        () -> narrow(KNOBS, Map.of("count", Map.of("true", 5_000_000_000L))));
    assertThat(e.problems().get(0).path()).isEqualTo("count.true");
    assertThat(e.problems().get(0).message()).isEqualTo("is the number 5000000000; expected an integer (int)");
  }

  @Test
  void theFalseSideOfAConditionalCanBeNarrowedWhenItIsARange() {
    ConfigSpace<?> narrowed = narrow(KNOBS, Map.of("count", Map.of("false", Map.of("min", 22, "max", 24), "true", 3)));
    assertThat(field(narrowed, "count")).isEqualTo(new ConditionalSpace(
        Condition.compare("budget", Condition.Operator.AT_LEAST, 100L), FixedSpace.of(3), IntSpace.uniform(22, 24)));
    // Without "true"/"false" keys an override goes to the active side.
    assertThat(field(narrow(KNOBS, Map.of("count", List.of(2, 4))), "count")).isEqualTo(new ConditionalSpace(
        Condition.compare("budget", Condition.Operator.AT_LEAST, 100L), CategoricalSpace.of(2, 4),
        IntSpace.uniform(20, 30)));
  }

  @Test
  void aSpaceWithoutAccessNarrowsButCannotValidate() {
    ConfigSpace<?> bare = new ConfigSpace<>(Object.class, "Bare", List.of(
        new FieldSpace("kind", String.class, CategoricalSpace.weighted(List.of("a", "b", "c"), 1, 2, 3)),
        new FieldSpace("block", Object.class, new PolymorphicSpace(List.of(
            new ConfigSpace<>(Object.class, "Left", List.of(new FieldSpace("x", int.class, IntSpace.uniform(0, 9)))),
            new ConfigSpace<>(Object.class, "Right", List.of())), List.of(5.0, 1.0)))));
    ConfigSpace<?> narrowed = narrow(bare, Map.of("kind", List.of("c", "a"), "block", Map.of("Left", Map.of("x", 3))));

    assertThat(field(narrowed, "kind")).isEqualTo(CategoricalSpace.weighted(List.of("a", "c"), 1, 3));
    assertThat(field(narrowed, "block")).isEqualTo(new PolymorphicSpace(List.of(
        new ConfigSpace<>(Object.class, "Left", List.of(new FieldSpace("x", int.class, FixedSpace.of(3))))), List.of(5.0)));
    assertThat(narrowed.hash()).isNotEqualTo(bare.hash());
    assertThat(SpaceTree.render(narrowed)).isEqualTo("""
        Bare
        ├─ kind: Categorical
        │  ├─ 'a' (weight=1.0)
        │  └─ 'c' (weight=3.0)
        └─ block: Categorical
           └─ Left
              └─ x: 3
        """);
    assertThrows(IllegalStateException.class, () -> narrowed.violations(new Object()));
  }

  @Test
  void aMapThatContainsItselfIsAProblem() {
    Map<String, Object> self = new java.util.HashMap<>();
    self.put("count", self);
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class, () -> Overrides.fromMap(self));
    assertThat(e.problems().get(0).path()).isEqualTo("count");
    assertThat(e.problems().get(0).message()).isEqualTo("contains itself");

    List<Object> list = new java.util.ArrayList<>();
    list.add(1);
    list.add(list);
    InvalidOverridesException inList = assertThrows(InvalidOverridesException.class,
        () -> Overrides.fromMap(Map.of("count", list)));
    assertThat(inList.problems().get(0).message()).isEqualTo("contains itself");

    // Shared, but not cyclic: fine.
    Map<String, Object> shared = Map.of("min", 2, "max", 4);
    assertThat(Overrides.fromMap(Map.of("count", Map.of("true", shared, "false", Map.of("min", 20, "max", 21))))
        .root().entries()).hasSize(1);
  }

  @Test
  void aMapNestedDeeperThanFilesMayBeIsAProblem() {
    Map<String, Object> deep = Map.of("x", 1);
    for (int i = 0; i < 100; i++) {
      deep = Map.of("count", deep);
    }
    Map<String, Object> tooDeep = deep;
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class, () -> Overrides.fromMap(tooDeep));
    assertThat(e.problems().get(0).message()).isEqualTo("nests deeper than 64 levels");
  }

  @Test
  void mapKeysMustBeStringsAndValuesPlain() {
    Map<Object, Object> raw = new java.util.LinkedHashMap<>();
    raw.put(7, 1);
    raw.put("rate", new Object());
    @SuppressWarnings("unchecked")
    Map<String, ?> typed = (Map<String, ?>) (Map<?, ?>) raw;
    InvalidOverridesException e = assertThrows(InvalidOverridesException.class, () -> Overrides.fromMap(typed));
    assertThat(e.problems().stream().map(InputProblem::message).toList()).containsExactly(
        "key 7 is not a string; keys are field names",
        "value of type Object is not supported; use a number, string, boolean, list or map");
  }

  /** The override template of a space, read back as a map (what a tool would pass). */
  static final class OverrideTemplateReader {
    private OverrideTemplateReader() {}

    static Map<String, ?> template(ConfigSpace<?> space) {
      return toJava(InputReader.read(space.overrideTemplate(InputFormat.JSON), InputFormat.JSON, "template"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T toJava(InputNode node) {
      if (node instanceof InputNode.MapNode map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.entries().forEach((key, value) -> out.put(key, toJava(value)));
        return (T) out;
      }
      if (node instanceof InputNode.ListNode list) {
        return (T) list.items().stream().map(OverrideTemplateReader::toJava).toList();
      }
      return (T) ((InputNode.Scalar) node).value();
    }
  }
}
