package io.paramspace.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.Condition.Operator;
import io.paramspace.runtime.TestSpaces.Activation;
import io.paramspace.runtime.TestSpaces.ConvConfig;
import io.paramspace.runtime.TestSpaces.DenseConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConditionTest {

  /** Field values by path; a path without an entry has no value (inactive). */
  private static Function<String, Object> values(Object... pathsAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pathsAndValues.length; i += 2) {
      map.put((String) pathsAndValues[i], pathsAndValues[i + 1]);
    }
    return map::get;
  }

  @Test
  void equalsToMatchesOneValue() {
    Condition c = Condition.equalsTo("name", "sgd");
    assertThat(c.test(values("name", "sgd"))).isTrue();
    assertThat(c.test(values("name", "adam"))).isFalse();
  }

  @Test
  void equalsToWithSeveralValuesIsIn() {
    Condition c = Condition.equalsTo("name", "sgd", "rmsprop");
    assertThat(c.test(values("name", "rmsprop"))).isTrue();
    assertThat(c.test(values("name", "adam"))).isFalse();
  }

  @Test
  void notEqualsToWithSeveralValuesIsNotIn() {
    Condition c = Condition.notEqualsTo("name", "sgd", "rmsprop");
    assertThat(c.test(values("name", "adam"))).isTrue();
    assertThat(c.test(values("name", "sgd"))).isFalse();
    assertThat(c.test(values("name", "rmsprop"))).isFalse();
  }

  @Test
  void aFieldWithoutAValueFailsEveryTest() {
    Function<String, Object> none = values();
    List<Condition> all =
        List.of(
            Condition.equalsTo("x", 1),
            Condition.notEqualsTo("x", 1),
            Condition.notEqualsTo("x", 1, 2),
            Condition.compare("x", Operator.GREATER_THAN, 0),
            Condition.compare("x", Operator.AT_LEAST, 0),
            Condition.compare("x", Operator.LESS_THAN, 0),
            Condition.compare("x", Operator.AT_MOST, 0),
            Condition.equalsTo("x", DenseConfig.class));
    for (Condition c : all) {
      assertThat(c.test(none)).isFalse();
    }
    // "Or" holds through another field; "and" fails with one.
    assertThat(Condition.anyOf(Condition.notEqualsTo("x", 1), Condition.equalsTo("y", 2)).test(values("y", 2))).isTrue();
    assertThat(Condition.allOf(Condition.notEqualsTo("x", 1), Condition.equalsTo("y", 2)).test(values("y", 2))).isFalse();
  }

  @Test
  void numbersMatchByValueAcrossIntegerLongAndDouble() {
    assertThat(Condition.equalsTo("n", 8L).test(values("n", 8))).isTrue();
    assertThat(Condition.equalsTo("n", 8).test(values("n", 8L))).isTrue();
    assertThat(Condition.equalsTo("r", 0.5).test(values("r", 0.5f))).isTrue();
    assertThat(Condition.equalsTo("r", 2.0).test(values("r", 2))).isTrue();
    assertThat(Condition.notEqualsTo("n", 8L).test(values("n", 8))).isFalse();
    assertThat(Condition.equalsTo("n", 8L).test(values("n", 9))).isFalse();
    // A number never equals a string that spells it.
    assertThat(Condition.equalsTo("n", 8).test(values("n", "8"))).isFalse();
  }

  @Test
  void largeLongsCompareExactly() {
    // Generated code compares two longs exactly, while as doubles 2^53 + 1 and 2^53 are equal.
    long big = (1L << 53) + 1;
    assertThat(Condition.equalsTo("n", big).test(values("n", big - 1))).isFalse();
    assertThat(Condition.notEqualsTo("n", big).test(values("n", big - 1))).isTrue();
    assertThat(Condition.compare("n", Operator.GREATER_THAN, big - 1).test(values("n", big))).isTrue();
    assertThat(Condition.compare("n", Operator.AT_MOST, big - 1).test(values("n", big))).isFalse();
    assertThat(Condition.compare("n", Operator.LESS_THAN, Long.MAX_VALUE).test(values("n", Long.MAX_VALUE - 1))).isTrue();
  }

  @Test
  void orderingsCompareNumerically() {
    Condition gt = Condition.compare("n", Operator.GREATER_THAN, 8L);
    assertThat(gt.test(values("n", 9))).isTrue();
    assertThat(gt.test(values("n", 8))).isFalse();
    assertThat(gt.test(values("n", 8.5))).isTrue();
    Condition atLeast = Condition.compare("r", Operator.AT_LEAST, 0.5);
    assertThat(atLeast.test(values("r", 0.5))).isTrue();
    assertThat(atLeast.test(values("r", 1))).isTrue();
    assertThat(atLeast.test(values("r", 0.49))).isFalse();
    Condition lt = Condition.compare("r", Operator.LESS_THAN, 1e-3);
    assertThat(lt.test(values("r", 1e-4))).isTrue();
    assertThat(lt.test(values("r", 1e-3))).isFalse();
    Condition atMost = Condition.compare("n", Operator.AT_MOST, 8);
    assertThat(atMost.test(values("n", 8L))).isTrue();
    assertThat(atMost.test(values("n", -3))).isTrue();
    assertThat(atMost.test(values("n", 9L))).isFalse();
  }

  @Test
  void nanAndSignedZeroCompareAsJavaDoes() {
    for (Operator operator : List.of(Operator.GREATER_THAN, Operator.AT_LEAST, Operator.LESS_THAN, Operator.AT_MOST)) {
      assertThat(Condition.compare("r", operator, 0.5).test(values("r", Double.NaN))).isFalse();
    }
    assertThat(Condition.equalsTo("r", Double.NaN).test(values("r", Double.NaN))).isFalse();
    assertThat(Condition.notEqualsTo("r", 0.5).test(values("r", Double.NaN))).isTrue();
    assertThat(Condition.equalsTo("r", 0.0).test(values("r", -0.0))).isTrue();
    assertThat(Condition.compare("r", Operator.AT_LEAST, 0.0).test(values("r", -0.0))).isTrue();
    assertThat(Condition.compare("r", Operator.LESS_THAN, 0.0).test(values("r", -0.0))).isFalse();
  }

  @Test
  void anOrderingOnANonNumberIsAClearError() {
    Condition gt = Condition.compare("name", Operator.GREATER_THAN, 8L);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gt.test(values("name", "adam")));
    assertThat(e).hasMessageThat().isEqualTo("the test 'name > 8' needs a number, but name is 'adam'");
  }

  @Test
  void aClassOperandMatchesInstances() {
    Condition conv = Condition.equalsTo("block", ConvConfig.class);
    assertThat(conv.test(values("block", new ConvConfig(3)))).isTrue();
    assertThat(conv.test(values("block", new DenseConfig(2)))).isFalse();
    // The class object itself is no instance of the class.
    assertThat(conv.test(values("block", ConvConfig.class))).isFalse();
    assertThat(Condition.notEqualsTo("block", ConvConfig.class).test(values("block", new DenseConfig(2)))).isTrue();
    assertThat(Condition.equalsTo("block", TestSpaces.BlockConfig.class).test(values("block", new DenseConfig(2)))).isTrue();
  }

  @Test
  void enumsAndBooleansMatchByEquality() {
    assertThat(Condition.equalsTo("act", Activation.GELU).test(values("act", Activation.GELU))).isTrue();
    assertThat(Condition.equalsTo("act", Activation.GELU).test(values("act", "GELU"))).isFalse();
    assertThat(Condition.equalsTo("flag", true).test(values("flag", true))).isTrue();
    assertThat(Condition.equalsTo("flag", true).test(values("flag", false))).isFalse();
  }

  @Test
  void allOfAndAnyOfCombine() {
    Condition a = Condition.equalsTo("a", 1);
    Condition b = Condition.equalsTo("b", 2);
    assertThat(Condition.allOf(a, b).test(values("a", 1, "b", 2))).isTrue();
    assertThat(Condition.allOf(a, b).test(values("a", 1, "b", 3))).isFalse();
    assertThat(Condition.anyOf(a, b).test(values("a", 0, "b", 2))).isTrue();
    assertThat(Condition.anyOf(a, b).test(values("a", 0, "b", 3))).isFalse();
    Condition nested = Condition.allOf(Condition.anyOf(a, b), Condition.compare("c", Operator.GREATER_THAN, 0));
    assertThat(nested.test(values("a", 0, "b", 2, "c", 1))).isTrue();
    assertThat(nested.test(values("a", 1, "b", 2, "c", 0))).isFalse();
  }

  @Test
  void fieldsAreListedInOrderWithoutRepeats() {
    Condition a = Condition.equalsTo("optimizer.name", "sgd");
    Condition b = Condition.compare("numBlocks", Operator.GREATER_THAN, 8L);
    assertThat(a.fields()).containsExactly("optimizer.name");
    Condition c = Condition.anyOf(Condition.allOf(b, a), Condition.allOf(a, Condition.equalsTo("act", "relu")), b);
    assertThat(c.fields()).containsExactly("numBlocks", "optimizer.name", "act").inOrder();
  }

  @Test
  void toStringOfEachShape() {
    Condition gt = Condition.compare("numBlocks", Operator.GREATER_THAN, 8L);
    Condition eq = Condition.equalsTo("name", "sgd");
    Condition lt = Condition.compare("rate", Operator.LESS_THAN, 1e-5);
    assertThat(eq.toString()).isEqualTo("name == 'sgd'");
    assertThat(Condition.notEqualsTo("name", "sgd").toString()).isEqualTo("name != 'sgd'");
    assertThat(Condition.equalsTo("name", "sgd", "adam").toString()).isEqualTo("name in ['sgd', 'adam']");
    assertThat(Condition.notEqualsTo("n", 1, 2L).toString()).isEqualTo("n not in [1, 2]");
    assertThat(gt.toString()).isEqualTo("numBlocks > 8");
    assertThat(Condition.compare("r", Operator.AT_LEAST, 0.5).toString()).isEqualTo("r >= 0.5");
    assertThat(lt.toString()).isEqualTo("rate < 1e-05");
    assertThat(Condition.compare("r", Operator.AT_MOST, 2.0).toString()).isEqualTo("r <= 2.0");
    assertThat(Condition.equalsTo("flag", true).toString()).isEqualTo("flag == true");
    assertThat(Condition.equalsTo("act", Activation.RELU).toString()).isEqualTo("act == RELU");
    assertThat(Condition.equalsTo("block", ConvConfig.class).toString()).isEqualTo("block == ConvConfig");
    assertThat(Condition.allOf(gt, eq).toString()).isEqualTo("numBlocks > 8 and name == 'sgd'");
    assertThat(Condition.anyOf(gt, eq).toString()).isEqualTo("numBlocks > 8 or name == 'sgd'");
    assertThat(Condition.allOf(Condition.anyOf(gt, lt), eq).toString())
        .isEqualTo("(numBlocks > 8 or rate < 1e-05) and name == 'sgd'");
    assertThat(Condition.anyOf(Condition.allOf(gt, lt), eq).toString())
        .isEqualTo("(numBlocks > 8 and rate < 1e-05) or name == 'sgd'");
    assertThat(Condition.allOf(Condition.allOf(gt, lt), eq).toString())
        .isEqualTo("numBlocks > 8 and rate < 1e-05 and name == 'sgd'");
  }

  @Test
  void aTestNeedsAnOperand() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Condition.equalsTo("name"));
    assertThat(e).hasMessageThat().isEqualTo("a test on 'name' needs at least one operand");
  }

  @Test
  void operatorSymbols() {
    assertThat(List.of(Operator.values()).stream().map(Operator::symbol).toList())
        .containsExactly("==", "!=", ">", ">=", "<", "<=")
        .inOrder();
  }
}
