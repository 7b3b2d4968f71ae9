package io.paramspace.sample;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.SpaceNotFoundException;
import org.junit.jupiter.api.Test;

/** Finding a generated space by the record's class name, as a command-line tool does. */
class SpaceLookupTest {
  @Test
  void aRecordNameGivesItsGeneratedSpace() {
    assertThat(ConfigSpace.forName("io.paramspace.sample.TrainingConfig")).isSameInstanceAs(TrainingConfigSpace.space());
    assertThat(ConfigSpace.of(TrainingConfig.class)).isSameInstanceAs(TrainingConfigSpace.space());
  }

  @Test
  void theGeneratedClassNameWorksToo() {
    assertThat(ConfigSpace.forName("io.paramspace.sample.TrainingConfigSpace"))
        .isSameInstanceAs(TrainingConfigSpace.space());
  }

  @Test
  void nestedRecordsByCanonicalOrBinaryName() {
    assertThat(ConfigSpace.forName("io.paramspace.sample.Holder.NestedConfig"))
        .isSameInstanceAs(Holder_NestedConfigSpace.space());
    assertThat(ConfigSpace.forName("io.paramspace.sample.Holder$NestedConfig"))
        .isSameInstanceAs(Holder_NestedConfigSpace.space());
  }

  @Test
  void aMissingClassIsAClearError() {
    SpaceNotFoundException e = assertThrows(SpaceNotFoundException.class,
        () -> ConfigSpace.forName("io.paramspace.sample.TrainingConfg"));
    assertThat(e).hasMessageThat().contains("no class io.paramspace.sample.TrainingConfg on the classpath");
  }

  @Test
  void aRecordWithoutSearchSpaceIsAClearError() {
    SpaceNotFoundException e = assertThrows(SpaceNotFoundException.class,
        () -> ConfigSpace.forName("io.paramspace.sample.Holder.Plain"));
    assertThat(e).hasMessageThat().contains("io.paramspace.sample.Holder$Plain has no generated space"
        + " io.paramspace.sample.Holder_PlainSpace: annotate it with @SearchSpace");
  }

  @Test
  void aClassThatIsNoRecordIsAClearError() {
    SpaceNotFoundException e = assertThrows(SpaceNotFoundException.class, () -> ConfigSpace.forName("java.lang.String"));
    assertThat(e).hasMessageThat().contains("it is not a record");
  }
}
