package io.paramspace.sweep;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.Rng;
import io.paramspace.sample.TrainingConfig;
import io.paramspace.sample.TrainingConfigSpace;
import io.paramspace.sweep.testing.Small;
import io.paramspace.sweep.testing.SmallSpace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesTest {

  @Test
  void randomGetIsTheSameWhateverElseWasDrawn() {
    RandomSource<TrainingConfig> source = RandomSource.of(TrainingConfigSpace.space(), 1000, 42);
    TrainingConfig seventh = source.get(7);
    for (int i = 999; i >= 0; i--) {
      source.get(i);
    }
    assertThat(source.get(7)).isEqualTo(seventh);
    assertThat(RandomSource.of(TrainingConfigSpace.space(), 10, 42).get(7)).isEqualTo(seventh);
  }

  @Test
  void randomSeedsAreSplitMix64OutputsOfTheSeed() {
    Rng rng = new Rng(42);
    for (int i = 0; i < 100; i++) {
      assertThat(RandomSource.seedOf(42, i)).isEqualTo(rng.nextLong());
    }
    RandomSource<TrainingConfig> source = RandomSource.of(TrainingConfigSpace.space(), 5, 42);
    assertThat(source.get(3)).isEqualTo(TrainingConfigSpace.random(RandomSource.seedOf(42, 3)));
  }

  @Test
  void randomGoldenValuesArePinned() {
    // Pinned: changing the derivation changes every job array's configs.
    assertThat(RandomSource.seedOf(0, 0)).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(RandomSource.seedOf(42, 0)).isEqualTo(new Rng(42).nextLong());
  }

  @Test
  void randomIterationEqualsGetAndDiffersAcrossIndices() {
    RandomSource<TrainingConfig> source = RandomSource.of(TrainingConfigSpace.space(), 50, 7);
    List<TrainingConfig> all = new ArrayList<>();
    source.forEach(all::add);
    assertThat(all).hasSize(50);
    for (int i = 0; i < 50; i++) {
      assertThat(all.get(i)).isEqualTo(source.get(i));
      TrainingConfigSpace.space().validate(all.get(i));
    }
    assertThat(all.stream().distinct().count()).isEqualTo(50);
  }

  @Test
  void aNegativeCountIsRefused() {
    SweepException e = assertThrows(SweepException.class, () -> RandomSource.of(SmallSpace.space(), -1, 0));
    assertThat(e).hasMessageThat().contains("n >= 0");
  }

  @Test
  void manualKeepsItsConfigsAndTags() {
    ManualSource<Small> source = ManualSource.of(SmallSpace.space(),
        List.of(new Small("a", false, null, null), new Small("b", true, 2, "y")), List.of("ablation"));
    assertThat(source.size()).isEqualTo(2);
    assertThat(source.get(1)).isEqualTo(new Small("b", true, 2, "y"));
    assertThat(source.tags()).containsExactly("ablation");
    assertThat(source.toList()).containsExactly(source.get(0), source.get(1)).inOrder();
  }

  @Test
  void manualReportsEveryProblemWithItsIndex() {
    SweepException e = assertThrows(SweepException.class, () -> ManualSource.of(SmallSpace.space(),
        new Small("a", false, null, null), new Small("d", false, 2, null), new Small("b", true, 9, null)));
    assertThat(e).hasMessageThat().startsWith("4 problems in the manual configs of Small (by index in the list):");
    assertThat(e.problems()).hasSize(4);
    assertThat(e.problems().get(0)).startsWith("config 1: kind: 'd' is not a choice");
    assertThat(e.problems().get(1)).startsWith("config 1: extra: is 2 but inactive");
    assertThat(e.problems().get(2)).startsWith("config 2: extra: 9 is outside");
    assertThat(e.problems().get(3)).startsWith("config 2: sub: is null");
  }
}
