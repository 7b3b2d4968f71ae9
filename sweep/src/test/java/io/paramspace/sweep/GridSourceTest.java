package io.paramspace.sweep;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Overrides;
import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.sweep.testing.Chain;
import io.paramspace.sweep.testing.ChainSpace;
import io.paramspace.sweep.testing.Circle;
import io.paramspace.sweep.testing.Color;
import io.paramspace.sweep.testing.ContinuousSpace;
import io.paramspace.sweep.testing.Drawing;
import io.paramspace.sweep.testing.DrawingSpace;
import io.paramspace.sweep.testing.Huge;
import io.paramspace.sweep.testing.HugeSpace;
import io.paramspace.sweep.testing.OuterSpace;
import io.paramspace.sweep.testing.Small;
import io.paramspace.sweep.testing.SmallSpace;
import io.paramspace.sweep.testing.TooBigSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GridSourceTest {

  /** Small spaces with conditionals, chains, nested paths, conditional configs and branches. */
  static Stream<ConfigSpace<?>> smallSpaces() {
    return Stream.of(
        SmallSpace.space(),
        ChainSpace.space(),
        DrawingSpace.space(),
        OuterSpace.space(),
        // narrowed: a conditional made always active, a range restricted to a list, one branch kept
        SmallSpace.space().narrow(SmallSpace.overrides().flag(true)),
        ChainSpace.space().narrow(Overrides.fromMap(Map.of("a", List.of(0, 3, 5)))),
        DrawingSpace.space().narrow(DrawingSpace.overrides().shape(b -> b.square())),
        ContinuousSpace.space().narrow(Overrides.fromMap(Map.of("learningRate", List.of(1e-4, 1e-3),
            "momentum", List.of(0.0, 0.9)))),
        TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of(
            "optimizer", Map.of("learningRate", List.of(1e-4, 1e-3), "momentum", List.of(0.5, 0.9), "beta2", 0.99),
            "model", Map.of("numBlocks", List.of(4, 9), "blockConfig", Map.of(
                "DenseConfig", Map.of("numLayers", 2, "dropoutRate", List.of(0.1, 0.2)),
                "ConvConfig", Map.of("numLayers", 3, "kernelSize", List.of(3, 5), "dropoutRate", 0.1))),
            "batchSize", List.of(32, 64)))));
  }

  @ParameterizedTest
  @MethodSource("smallSpaces")
  void sizeEqualsTheBruteForceCountAndEveryPointIsThere(ConfigSpace<?> space) {
    check(space);
  }

  private static <T> void check(ConfigSpace<T> space) {
    GridSource<T> grid = GridSource.of(space);
    Set<T> expected = BruteForce.points(space);
    assertThat(grid.size()).isEqualTo(expected.size());
    List<T> all = grid.toList();
    assertThat(new HashSet<>(all)).containsExactlyElementsIn(expected);
    assertThat(new HashSet<>(all)).hasSize(all.size()); // distinct
    for (int i = 0; i < all.size(); i++) {
      T config = all.get(i);
      space.validate(config);
      assertThat(grid.get(i)).isEqualTo(config);
      assertThat(grid.indexOf(config)).isEqualTo(i);
    }
  }

  @Test
  void smallHasTheDocumentedOrder() {
    GridSource<Small> grid = GridSource.of(SmallSpace.space());
    // Nested loops over kind, flag, extra (active for b), sub (active for true); the last changes fastest.
    assertThat(grid.size()).isEqualTo(15);
    assertThat(grid.toList().subList(0, 10)).containsExactly(
        new Small("a", true, null, "x"),
        new Small("a", true, null, "y"),
        new Small("a", false, null, null),
        new Small("b", true, 1, "x"),
        new Small("b", true, 1, "y"),
        new Small("b", true, 2, "x"),
        new Small("b", true, 2, "y"),
        new Small("b", true, 3, "x"),
        new Small("b", true, 3, "y"),
        new Small("b", false, 1, null)).inOrder();
    assertThat(grid.get(14)).isEqualTo(new Small("c", false, null, null));
  }

  @Test
  void chainSamplesDriversFirst() {
    GridSource<Chain> grid = GridSource.of(ChainSpace.space());
    // Grid order: a (read by b), b (read by c), c, d, low, e.
    assertThat(grid.get(0)).isEqualTo(new Chain(null, null, 0, null, true, null));
    assertThat(grid.get(grid.size() - 1)).isEqualTo(new Chain(2, "q", 6, null, false, 10));
  }

  @Test
  void aPolymorphicFieldListsEachBranchGridInTurn() {
    GridSource<Drawing> grid = GridSource.of(DrawingSpace.space());
    // Circle: 3 radii x 2 counts x 3 backgrounds; Square: (2 sides x 3 filled/colors) x 2 x 3 rotations x 3.
    assertThat(grid.size()).isEqualTo(3 * 2 * 3 + 6 * 2 * 3 * 3);
    assertThat(grid.get(0)).isEqualTo(new Drawing(new Circle(1), 1, null, Color.RED));
    assertThat(grid.get(1)).isEqualTo(new Drawing(new Circle(1), 1, null, Color.GREEN));
    assertThat(grid.get(3)).isEqualTo(new Drawing(new Circle(1), 2, null, Color.RED));
  }

  @Test
  void theLastPointOfATrillionPointGridComesAtOnce() {
    GridSource<Huge> grid = GridSource.of(HugeSpace.space());
    assertThat(grid.size()).isEqualTo(1_000_000_000_000L);
    assertThat(grid.get(grid.size() - 1)).isEqualTo(new Huge(1000, 1000, 1000, 1000));
    assertThat(grid.get(1_000_000_000L + 2)).isEqualTo(new Huge(2, 1, 1, 3));
    assertThat(grid.indexOf(new Huge(1000, 1000, 1000, 1000))).isEqualTo(grid.size() - 1);
    assertThat(grid.indexOf(new Huge(7, 300, 12, 999))).isEqualTo(6L * 1_000_000_000 + 299L * 1_000_000 + 11L * 1000 + 998);
  }

  @Test
  void pastALongIsAClearError() {
    SweepException e = assertThrows(SweepException.class, () -> GridSource.of(TooBigSpace.space()));
    assertThat(e).hasMessageThat().contains("more than 9223372036854775807 points");
    assertThat(e).hasMessageThat().contains("TooBig");
  }

  @Test
  void aContinuousParameterIsNamedWithTheOverrideThatFixesIt() {
    SweepException e = assertThrows(SweepException.class, () -> GridSource.of(ContinuousSpace.space()));
    assertThat(e.problems()).hasSize(2);
    assertThat(e).hasMessageThat().contains("learningRate (Continuous.learningRate) is a continuous range Float([1e-05, 0.01], log)");
    assertThat(e).hasMessageThat().contains("\"learningRate\": [1e-05, 0.01]");
    assertThat(e).hasMessageThat().contains("momentum (Continuous.momentum::true_branch)");
    assertThat(e).hasMessageThat().contains("or a step in its @FloatRange(step = ...)");
  }

  @Test
  void aNestedContinuousParameterShowsTheNestedOverride() {
    SweepException e = assertThrows(SweepException.class, () -> GridSource.of(TrainingConfigSpace.space()));
    assertThat(e).hasMessageThat().contains("{\"optimizer\": {\"learningRate\": [1e-05, 0.01]}}");
    assertThat(e).hasMessageThat().contains(
        "{\"model\": {\"blockConfig\": {\"DenseConfig\": {\"dropoutRate\": [0.05, 0.5]}}}}");
  }

  @Test
  void aNarrowedSampleAppGridHoldsItsConfigs() {
    ConfigSpace<TrainingConfig> space = TrainingConfigSpace.space().narrow(Overrides.fromMap(Map.of(
        "optimizer", Map.of("learningRate", List.of(1e-4, 1e-3), "momentum", List.of(0.5, 0.9), "beta2", 0.99),
        "model", Map.of("blockConfig", Map.of(
            "DenseConfig", Map.of("dropoutRate", List.of(0.1, 0.2)),
            "ConvConfig", Map.of("dropoutRate", 0.1))))));
    GridSource<TrainingConfig> grid = GridSource.of(space);
    // optimizer: adam x 2 lr + sgd x 2 lr x 2 momentum = 6; batch 113; model: blocks 11 x
    // (dense 11 x 4 x 2 x (2 + 1) + conv 11 x 4 x 64 x 2 x 2)
    long dense = 11L * 4 * 2 * 3;
    long conv = 11L * 4 * 64 * 2 * 2;
    assertThat(grid.size()).isEqualTo(6 * 113 * 11 * (dense + conv));
    for (long i : new long[] {0, 1, 12345, grid.size() / 2, grid.size() - 1}) {
      TrainingConfig config = grid.get(i);
      space.validate(config);
      assertThat(grid.indexOf(config)).isEqualTo(i);
    }
  }

  @Test
  void anIndexOutsideTheGridNamesItsBounds() {
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> GridSource.of(SmallSpace.space()).get(15));
    assertThat(e).hasMessageThat().isEqualTo("index 15 is outside the grid of Small, which has 15 configs (indices 0 to 14)");
  }

  @Test
  void iterationEqualsGet() {
    GridSource<Drawing> grid = GridSource.of(DrawingSpace.space());
    List<Drawing> iterated = new ArrayList<>();
    grid.forEach(iterated::add);
    for (int i = 0; i < iterated.size(); i++) {
      assertThat(iterated.get(i)).isEqualTo(grid.get(i));
    }
    assertThat(grid.stream().toList()).isEqualTo(iterated);
  }
}
