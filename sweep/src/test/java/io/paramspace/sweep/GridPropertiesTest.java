package io.paramspace.sweep;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.runtime.Overrides;
import io.paramspace.sweep.testing.Outer;
import io.paramspace.sweep.testing.OuterSpace;
import io.paramspace.sweep.testing.Huge;
import io.paramspace.sweep.testing.HugeSpace;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class GridPropertiesTest {
  private static final GridSource<Huge> HUGE = GridSource.of(HugeSpace.space());
  private static final GridSource<Outer> OUTER = GridSource.of(OuterSpace.space());
  private static final GridSource<Outer> NARROWED = GridSource.of(OuterSpace.space().narrow(
      Overrides.fromMap(Map.of("inner", Map.of("ratio", List.of(0.25, 0.75)), "useHead", true))));

  @Property(tries = 2000)
  void hugeIndexOfInvertsGet(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long index) {
    Huge config = HUGE.get(index);
    assertThat(HUGE.indexOf(config)).isEqualTo(index);
    // Mixed radix: a is the most significant digit.
    assertThat(config.a()).isEqualTo(index / 1_000_000_000L + 1);
    assertThat(config.d()).isEqualTo(index % 1000 + 1);
  }

  @Property(tries = 1000)
  void outerIndexOfInvertsGetAndConfigsValidate(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    for (GridSource<Outer> grid : List.of(OUTER, NARROWED)) {
      long index = Math.floorMod(seed, grid.size());
      Outer config = grid.get(index);
      grid.space().validate(config);
      assertThat(grid.indexOf(config)).isEqualTo(index);
    }
  }
}
