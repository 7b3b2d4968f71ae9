package io.paramspace.runtime.internal;

import static com.google.common.truth.Truth.assertThat;
import static io.paramspace.runtime.TestSpaces.config;
import static io.paramspace.runtime.TestSpaces.field;
import static io.paramspace.runtime.TestSpaces.when;
import static io.paramspace.runtime.internal.ConditionDomains.Decision.ALWAYS;
import static io.paramspace.runtime.internal.ConditionDomains.Decision.NEVER;
import static io.paramspace.runtime.internal.ConditionDomains.Decision.OPEN;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Condition;
import io.paramspace.runtime.Condition.Operator;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.TestSpaces;
import io.paramspace.runtime.TestSpaces.ConvConfig;
import io.paramspace.runtime.TestSpaces.DenseConfig;
import io.paramspace.runtime.internal.ConditionDomains.Decision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the spaces of the fields a condition reads decide it: always, never, or open. */
class ConditionDomainsTest {
  private static Decision decide(Condition condition, FieldSpace... fields) {
    return ConditionDomains.decide(condition, List.of(fields));
  }

  private static Condition greaterThan(String field, Number bound) {
    return Condition.compare(field, Operator.GREATER_THAN, bound);
  }

  @Test
  void aRangeOnOneSideOfAnOrderingDecidesIt() {
    Condition deep = greaterThan("numBlocks", 8);
    assertThat(decide(deep, field("numBlocks", IntSpace.uniform(2, 12)))).isEqualTo(OPEN);
    assertThat(decide(deep, field("numBlocks", IntSpace.uniform(4, 8)))).isEqualTo(NEVER);
    assertThat(decide(deep, field("numBlocks", IntSpace.uniform(9, 12)))).isEqualTo(ALWAYS);
    assertThat(decide(Condition.compare("numBlocks", Operator.AT_LEAST, 8), field("numBlocks", IntSpace.uniform(8, 12))))
        .isEqualTo(ALWAYS);
    assertThat(decide(Condition.compare("numBlocks", Operator.AT_MOST, 3), field("numBlocks", IntSpace.uniform(4, 8))))
        .isEqualTo(NEVER);
    assertThat(decide(greaterThan("rate", 0.5), field("rate", FloatSpace.logUniform(1e-3, 0.5)))).isEqualTo(NEVER);
    assertThat(decide(greaterThan("rate", 0.5), field("rate", FloatSpace.uniform(0.5, 0.9)))).isEqualTo(OPEN);
    assertThat(decide(greaterThan("rate", Double.NaN), field("rate", FloatSpace.uniform(0.5, 0.9)))).isEqualTo(NEVER);
  }

  @Test
  void anEqualityOnARangeIsDecidedOnlyWhenNoOperandLiesInIt() {
    assertThat(decide(Condition.equalsTo("n", 3L), field("n", IntSpace.uniform(4, 8)))).isEqualTo(NEVER);
    assertThat(decide(Condition.notEqualsTo("n", 3L, 9L), field("n", IntSpace.uniform(4, 8)))).isEqualTo(ALWAYS);
    assertThat(decide(Condition.equalsTo("n", 5L), field("n", IntSpace.uniform(4, 8)))).isEqualTo(OPEN);
  }

  @Test
  void aFloatFieldIsDecidedOnTheFloatsItHolds() {
    // A float field narrowed to [0.1, 0.2] holds 0.1f, a little above the double 0.1, or more.
    FieldSpace rate = new FieldSpace("rate", float.class, FloatSpace.uniform(0.1, 0.2));
    assertThat(decide(greaterThan("rate", 0.1), rate)).isEqualTo(ALWAYS);
    assertThat(decide(greaterThan("rate", 0.1), new FieldSpace("rate", double.class, FloatSpace.uniform(0.1, 0.2))))
        .isEqualTo(OPEN);
  }

  @Test
  void aCategoricalIsDecidedWhenEveryChoiceAgrees() {
    Condition sgd = Condition.equalsTo("optimizer", "sgd");
    assertThat(decide(sgd, field("optimizer", CategoricalSpace.of("adam", "sgd", "rmsprop")))).isEqualTo(OPEN);
    assertThat(decide(sgd, field("optimizer", CategoricalSpace.of("adam", "rmsprop")))).isEqualTo(NEVER);
    assertThat(decide(Condition.equalsTo("optimizer", "sgd", "adam"), field("optimizer", CategoricalSpace.of("adam", "sgd"))))
        .isEqualTo(ALWAYS);
    assertThat(decide(sgd, field("optimizer", FixedSpace.of("sgd")))).isEqualTo(ALWAYS);
    assertThat(decide(sgd, field("optimizer", FixedSpace.of("adam")))).isEqualTo(NEVER);
  }

  @Test
  void branchesAreDecidedByClass() {
    Condition conv = Condition.equalsTo("block", ConvConfig.class);
    assertThat(decide(conv, field("block", PolymorphicSpace.of(TestSpaces.dense(), TestSpaces.conv())))).isEqualTo(OPEN);
    assertThat(decide(conv, field("block", PolymorphicSpace.of(TestSpaces.conv())))).isEqualTo(ALWAYS);
    assertThat(decide(conv, field("block", PolymorphicSpace.of(TestSpaces.dense())))).isEqualTo(NEVER);
    assertThat(decide(Condition.notEqualsTo("block", DenseConfig.class), field("block", PolymorphicSpace.of(TestSpaces.conv()))))
        .isEqualTo(ALWAYS);
  }

  @Test
  void aFieldThatMayHaveNoValueNeverAlwaysHolds() {
    // momentum is null while inactive, and a test on null fails: "momentum > 0.5" is open even
    // with momentum's range all above 0.5, and never holds with it all below.
    Condition sgd = Condition.equalsTo("optimizer", "sgd");
    FieldSpace optimizer = field("optimizer", CategoricalSpace.of("adam", "sgd"));
    assertThat(decide(greaterThan("momentum", 0.5), optimizer, field("momentum", when(sgd, FloatSpace.uniform(0.6, 0.9), null))))
        .isEqualTo(OPEN);
    assertThat(decide(greaterThan("momentum", 0.5), optimizer, field("momentum", when(sgd, FloatSpace.uniform(0.1, 0.4), null))))
        .isEqualTo(NEVER);
    // Once its own condition always holds, it always has a value.
    assertThat(decide(greaterThan("momentum", 0.5), field("optimizer", FixedSpace.of("sgd")),
        field("momentum", when(sgd, FloatSpace.uniform(0.6, 0.9), null)))).isEqualTo(ALWAYS);
    // A conditional with a value while inactive has both sides' values.
    Condition deep = greaterThan("numBlocks", 8);
    FieldSpace checkpoint = field("useCheckpoint", when(deep, FixedSpace.of(true), false));
    assertThat(decide(Condition.equalsTo("useCheckpoint", false), field("numBlocks", IntSpace.uniform(2, 12)), checkpoint))
        .isEqualTo(OPEN);
    assertThat(decide(Condition.equalsTo("useCheckpoint", false), field("numBlocks", IntSpace.uniform(2, 8)), checkpoint))
        .isEqualTo(ALWAYS);
    // A fixed null never holds a test.
    assertThat(decide(Condition.notEqualsTo("x", 1L), field("x", FixedSpace.of(null)))).isEqualTo(NEVER);
  }

  @Test
  void aDottedPathGoesIntoNestedConfigsAndANullConfigHasNoValue() {
    ConfigSpace<?> optimizer = config("OptimizerConfig", field("name", FixedSpace.of("sgd")));
    Condition sgd = Condition.equalsTo("optimizer.name", "sgd");
    assertThat(decide(sgd, field("optimizer", optimizer))).isEqualTo(ALWAYS);
    assertThat(decide(sgd, field("shuffle", CategoricalSpace.of(true, false)),
        field("optimizer", when(Condition.equalsTo("shuffle", true), optimizer, null)))).isEqualTo(OPEN);
    assertThat(decide(sgd, field("optimizer", FixedSpace.of(null)))).isEqualTo(NEVER);
    assertThat(decide(Condition.equalsTo("optimizer.nmae", "sgd"), field("optimizer", optimizer))).isEqualTo(OPEN);
    assertThat(decide(sgd, field("other", optimizer))).isEqualTo(OPEN);
  }

  @Test
  void andAndOrCombineTheirParts() {
    FieldSpace narrow = field("numBlocks", IntSpace.uniform(4, 8));
    FieldSpace name = field("name", CategoricalSpace.of("adam", "sgd"));
    Condition never = greaterThan("numBlocks", 8);
    Condition always = Condition.compare("numBlocks", Operator.AT_LEAST, 4);
    Condition open = Condition.equalsTo("name", "sgd");
    assertThat(decide(Condition.allOf(never, open), narrow, name)).isEqualTo(NEVER);
    assertThat(decide(Condition.allOf(always, open), narrow, name)).isEqualTo(OPEN);
    assertThat(decide(Condition.allOf(always, always), narrow, name)).isEqualTo(ALWAYS);
    assertThat(decide(Condition.anyOf(always, open), narrow, name)).isEqualTo(ALWAYS);
    assertThat(decide(Condition.anyOf(never, open), narrow, name)).isEqualTo(OPEN);
    assertThat(decide(Condition.anyOf(never, never), narrow, name)).isEqualTo(NEVER);
  }
}
