package io.paramspace.sweep;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Overrides;
import io.paramspace.sample.Activation;
import io.paramspace.sample.ConvConfig;
import io.paramspace.sample.DenseConfig;
import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.sweep.testing.Inner;
import io.paramspace.sweep.testing.Seeded;
import io.paramspace.sweep.testing.SeededSpace;
import io.paramspace.sweep.testing.Small;
import io.paramspace.sweep.testing.SmallSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {
  static final ConfigSpace<Seeded> SPACE = SeededSpace.space();
  static final Seeded BASE = new Seeded("adam", 1e-3, null, 32, 0, new Inner("fast", 0.5));

  static <T> void iterationEqualsGet(ConfigSequence<T> sequence) {
    List<T> iterated = new ArrayList<>();
    sequence.forEach(iterated::add);
    assertThat((long) iterated.size()).isEqualTo(sequence.size());
    for (int i = 0; i < iterated.size(); i++) {
      assertThat(sequence.get(i)).isEqualTo(iterated.get(i));
      sequence.space().validate(iterated.get(i));
    }
  }

  @Test
  void productIsNestedLoopsWithTheLastFastest() {
    Sweep<Seeded> sweep = Sweep.over(SPACE, BASE)
        .product("learningRate", 1e-4, 1e-3, 1e-2)
        .product(Axis.of("batchSize", 32, 64), Axis.of("inner.mode", "fast", "slow"));
    assertThat(sweep.size()).isEqualTo(12);
    assertThat(sweep.get(0)).isEqualTo(new Seeded("adam", 1e-4, null, 32, 0, new Inner("fast", 0.5)));
    assertThat(sweep.get(1)).isEqualTo(new Seeded("adam", 1e-4, null, 32, 0, new Inner("slow", 0.5)));
    assertThat(sweep.get(2)).isEqualTo(new Seeded("adam", 1e-4, null, 64, 0, new Inner("fast", 0.5)));
    assertThat(sweep.get(11)).isEqualTo(new Seeded("adam", 1e-2, null, 64, 0, new Inner("slow", 0.5)));
    iterationEqualsGet(sweep);
  }

  @Test
  void zipPairsAndItsProductWithTheRestMultiplies() {
    // params-proto: product(lr=[..2]).zip(batch_size=[..2], epochs=[..2]) has 2 x 2 = 4 configs.
    Sweep<Seeded> sweep = Sweep.over(SPACE, BASE)
        .product("learningRate", 1e-4, 1e-3)
        .zip(Axis.of("batchSize", 32, 64), Axis.of("seed", 1, 2));
    assertThat(sweep.size()).isEqualTo(4);
    assertThat(sweep.toList()).containsExactly(
        new Seeded("adam", 1e-4, null, 32, 1, BASE.inner()),
        new Seeded("adam", 1e-4, null, 64, 2, BASE.inner()),
        new Seeded("adam", 1e-3, null, 32, 1, BASE.inner()),
        new Seeded("adam", 1e-3, null, 64, 2, BASE.inner())).inOrder();
  }

  @Test
  void zipOfDifferentLengthsNamesBoth() {
    SweepException e = assertThrows(SweepException.class,
        () -> Sweep.over(SPACE, BASE).zip(Axis.of("batchSize", 32, 64, 128), Axis.of("seed", 1, 2)));
    assertThat(e).hasMessageThat().isEqualTo("zip pairs values one to one, but batchSize has 3 values and seed has 2;"
        + " give them the same number, or use product");
    Sweep<Seeded> three = Sweep.over(SPACE, BASE).product("seed", 1, 2, 3);
    Sweep<Seeded> two = Sweep.over(SPACE, BASE).product("seed", 1, 2);
    SweepException sweeps = assertThrows(SweepException.class, () -> three.zip(two));
    assertThat(sweeps).hasMessageThat().contains("this sweep has 3 elements and the other 2");
  }

  @Test
  void setChainAndRepeat() {
    Sweep<Seeded> baseline = Sweep.over(SPACE, BASE);
    Sweep<Seeded> ablation = baseline.chain(
        baseline.set("inner.mode", "slow"),
        baseline.set(new LinkedHashMap<>(Map.of("optimizer", "sgd", "momentum", 0.9))),
        baseline.set("batchSize", 64));
    assertThat(ablation.size()).isEqualTo(4);
    assertThat(ablation.get(0)).isEqualTo(BASE);
    assertThat(ablation.get(1).inner().mode()).isEqualTo("slow");
    assertThat(ablation.get(2)).isEqualTo(new Seeded("sgd", 1e-3, 0.9, 32, 0, BASE.inner()));
    assertThat(ablation.get(3).batchSize()).isEqualTo(64);
    iterationEqualsGet(ablation);

    Sweep<Seeded> seeds = ablation.repeat(3, "seed");
    assertThat(seeds.size()).isEqualTo(12);
    assertThat(seeds.get(5)).isEqualTo(new Seeded("adam", 1e-3, null, 32, 1, new Inner("slow", 0.5)));
    assertThat(seeds.get(11).seed()).isEqualTo(2);
    assertThat(ablation.repeat(2).get(7)).isEqualTo(ablation.get(3));
    iterationEqualsGet(seeds);
  }

  @Test
  void productOfTwoSweepsAndLaterAssignmentsWin() {
    Sweep<Seeded> left = Sweep.over(SPACE, BASE).product("batchSize", 16, 32);
    Sweep<Seeded> right = Sweep.over(SPACE).product("batchSize", 100, 200).product("seed", 5, 6);
    Sweep<Seeded> both = left.product(right);
    assertThat(both.size()).isEqualTo(8);
    assertThat(both.get(0).batchSize()).isEqualTo(100); // the right operand set it last
    assertThat(both.get(3)).isEqualTo(new Seeded("adam", 1e-3, null, 200, 6, BASE.inner()));
    iterationEqualsGet(both);
  }

  @Test
  void anySourceBecomesASweep() {
    GridSource<Small> grid = GridSource.of(SmallSpace.space());
    Sweep<Small> sweep = Sweep.from(grid).set("kind", "c");
    assertThat(sweep.size()).isEqualTo(15);
    for (int i = 0; i < 15; i++) {
      Small config = sweep.get(i);
      assertThat(config.kind()).isEqualTo("c");
      assertThat(config.extra()).isNull(); // inactive once kind is c
    }
    Sweep<Small> random = RandomSource.of(SmallSpace.space(), 5, 1).toSweep();
    assertThat(random.toList()).isEqualTo(RandomSource.of(SmallSpace.space(), 5, 1).toList());
  }

  @Test
  void aPathIntoBranchesReachesTheChosenBranch() {
    TrainingConfig base = TrainingConfigSpace.random(1);
    Sweep<TrainingConfig> sweep = Sweep.over(TrainingConfigSpace.space(), base)
        .product("model.blockConfig", "DenseConfig", "ConvConfig")
        .set(Map.of("model.blockConfig.numLayers", 4, "model.blockConfig.activation", "GELU",
            "model.blockConfig.useDropout", false, "model.blockConfig.normInput", true))
        .set("model.blockConfig.kernelSize", 3);
    SweepException e = assertThrows(SweepException.class, () -> sweep.get(0));
    assertThat(e).hasMessageThat().contains("element 0 of the sweep of TrainingConfig sets model.blockConfig.kernelSize = 3, but"
        + " model.blockConfig.kernelSize is inactive in that config");
    ConvConfig conv = (ConvConfig) sweep.get(1).model().blockConfig();
    assertThat(conv).isEqualTo(new ConvConfig(4, Activation.GELU, 3, true, false, null));
  }

  @Test
  void aFieldPathOfTheBaseCarriesOverToAnotherBranch() {
    TrainingConfig base = Sweep.over(TrainingConfigSpace.space(), TrainingConfigSpace.random(1))
        .set(Map.of("model.blockConfig", "DenseConfig", "model.blockConfig.numLayers", 7,
            "model.blockConfig.useDropout", true, "model.blockConfig.dropoutRate", 0.25)).get(0);
    Sweep<TrainingConfig> sweep = Sweep.over(TrainingConfigSpace.space(), base)
        .set("model.blockConfig", "ConvConfig").product("model.blockConfig.kernelSize", 3, 5);
    DenseConfig dense = (DenseConfig) base.model().blockConfig();
    ConvConfig conv = (ConvConfig) sweep.get(1).model().blockConfig();
    assertThat(conv).isEqualTo(new ConvConfig(7, dense.activation(), 5, dense.normInput(), true, 0.25));
    assertThat(sweep.get(0).optimizer()).isEqualTo(base.optimizer());
  }

  @Test
  void getVisitsTheExpressionOnce() {
    Sweep<Seeded> sweep = Sweep.over(SPACE, BASE).product("seed", 1, 2).chain(Sweep.over(SPACE, BASE)).repeat(2);
    assertThat(sweep.depth()).isEqualTo(4);
    assertThat(sweep.size()).isEqualTo(6);
  }

  @Test
  void unknownPathsAreNamedWithTheClosestField() {
    SweepException e = assertThrows(SweepException.class, () -> Sweep.over(SPACE).product("learnigRate", 1e-3));
    assertThat(e).hasMessageThat().isEqualTo("unknown path learnigRate: Seeded has no field learnigRate (in this space)."
        + " Did you mean \"learningRate\"?");
    SweepException nested = assertThrows(SweepException.class, () -> Sweep.over(SPACE).set("inner.mood", "fast"));
    assertThat(nested).hasMessageThat().contains("Did you mean \"inner.mode\"?");
    SweepException config = assertThrows(SweepException.class, () -> Sweep.over(SPACE).set("inner", "fast"));
    assertThat(config).hasMessageThat().contains("inner is a nested config (Inner); set its fields, e.g. inner.mode");
  }

  @Test
  void valuesOutsideTheSpaceAreAllReported() {
    SweepException e = assertThrows(SweepException.class, () -> Sweep.over(SPACE)
        .product(Axis.of("batchSize", 32, 1024), Axis.of("optimizer", "adamw"), Axis.of("inner.ratio", 0.3)));
    assertThat(e.problems()).containsExactly(
        "batchSize = 1024: is outside Int([8, 512])",
        "optimizer = 'adamw': is not a choice; choose one of 'adam', 'sgd'",
        "inner.ratio = 0.3: is outside Float([0.0, 1.0], step=0.25)").inOrder();
  }

  @Test
  void aFieldTheSpaceMakesInactiveCannotBeSet() {
    ConfigSpace<Seeded> adamOnly = SPACE.narrow(SeededSpace.overrides().optimizer("adam"));
    SweepException e = assertThrows(SweepException.class, () -> Sweep.over(adamOnly).set("momentum", 0.9));
    assertThat(e).hasMessageThat().contains("momentum = 0.9: the field is inactive in this space");
    ConfigSpace<TrainingConfig> dense = TrainingConfigSpace.space().narrow(
        TrainingConfigSpace.overrides().model(m -> m.blockConfig(b -> b.denseConfig())));
    SweepException branch = assertThrows(SweepException.class,
        () -> Sweep.over(dense).set("model.blockConfig.kernelSize", 3));
    assertThat(branch).hasMessageThat().contains("unknown path model.blockConfig.kernelSize");
  }

  @Test
  void aGroupThatMakesItsOwnFieldInactiveIsRefusedWhenBuilt() {
    SweepException e = assertThrows(SweepException.class, () -> Sweep.over(SPACE, BASE)
        .zip(Axis.of("optimizer", "sgd", "adam"), Axis.of("momentum", 0.9, 0.8)));
    assertThat(e).hasMessageThat().contains("momentum is set, but it is inactive where optimizer = 'adam'"
        + " (its condition is optimizer == 'sgd')");
    // The same values, each case in its own group: fine.
    Sweep<Seeded> ok = Sweep.over(SPACE, BASE).chain(
        Sweep.over(SPACE, BASE).set("optimizer", "adam"),
        Sweep.over(SPACE, BASE).set(new LinkedHashMap<>(Map.of("optimizer", "sgd", "momentum", 0.9))));
    assertThat(ok.get(2).momentum()).isEqualTo(0.9);
  }

  @Test
  void aMissingActiveParameterNamesThePathAndWhatToDo() {
    Sweep<Seeded> sweep = Sweep.over(SPACE).product("optimizer", "adam", "sgd");
    SweepException e = assertThrows(SweepException.class, () -> sweep.get(1));
    assertThat(e).hasMessageThat().startsWith("element 1 of the sweep of Seeded does not set learningRate"
        + " (parameter Seeded.learningRate), which is active there");
  }

  @Test
  void aSweepWithoutABaseOverAFullyFixedSpaceNeedsNothingElse() {
    ConfigSpace<Small> fixed = SmallSpace.space().narrow(Overrides.fromMap(Map.of("kind", "b", "flag", false)));
    Sweep<Small> sweep = Sweep.over(fixed).product("extra", 1, 2, 3);
    assertThat(sweep.toList()).containsExactly(new Small("b", false, 1, null), new Small("b", false, 2, null),
        new Small("b", false, 3, null)).inOrder();
  }

  @Test
  void enumValuesByConstantOrName() {
    TrainingConfig base = TrainingConfigSpace.random(3);
    Sweep<TrainingConfig> sweep = Sweep.over(TrainingConfigSpace.space(), base)
        .set(new LinkedHashMap<>(Map.of("model.blockConfig", DenseConfig.class)))
        .product("model.blockConfig.activation", Activation.RELU, "GELU");
    assertThat(((DenseConfig) sweep.get(0).model().blockConfig()).activation()).isEqualTo(Activation.RELU);
    assertThat(((DenseConfig) sweep.get(1).model().blockConfig()).activation()).isEqualTo(Activation.GELU);
  }
}
