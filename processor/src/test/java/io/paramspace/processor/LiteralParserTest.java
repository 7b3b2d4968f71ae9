package io.paramspace.processor;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralParserTest {
  private static Object parse(ValueKind kind, String text) {
    return LiteralParser.parse(kind, text, List.of("RELU", "GELU"));
  }

  @Test
  void decimalsInTheirUsualForms() {
    assertThat(parse(ValueKind.DOUBLE, "1e-3")).isEqualTo(0.001);
    assertThat(parse(ValueKind.DOUBLE, "0.5")).isEqualTo(0.5);
    assertThat(parse(ValueKind.DOUBLE, ".5")).isEqualTo(0.5);
    assertThat(parse(ValueKind.DOUBLE, "2.")).isEqualTo(2.0);
    assertThat(parse(ValueKind.DOUBLE, "-3E+2")).isEqualTo(-300.0);
    assertThat(parse(ValueKind.FLOAT, "0.1")).isEqualTo(0.1f);
  }

  @Test
  void notADecimalOrNotFinite() {
    for (String text : List.of("", "one", "1/2", "0x10", "NaN", "Infinity", "1e999", "1.0d", " 1")) {
      assertThat(parse(ValueKind.DOUBLE, text)).isNull();
    }
    assertThat(parse(ValueKind.FLOAT, "3.5e38")).isNull();
  }

  @Test
  void wholeNumbersWithinTheirType() {
    assertThat(parse(ValueKind.INT, "+5")).isEqualTo(5);
    assertThat(parse(ValueKind.INT, "-2147483648")).isEqualTo(Integer.MIN_VALUE);
    assertThat(parse(ValueKind.INT, "2147483648")).isNull();
    assertThat(parse(ValueKind.INT, "1.0")).isNull();
    assertThat(parse(ValueKind.LONG, "2147483648")).isEqualTo(2147483648L);
    assertThat(parse(ValueKind.LONG, "9223372036854775808")).isNull();
    assertThat(parse(ValueKind.LONG, "1_000")).isNull();
  }

  @Test
  void booleansStringsAndNames() {
    assertThat(parse(ValueKind.BOOLEAN, "true")).isEqualTo(true);
    assertThat(parse(ValueKind.BOOLEAN, "false")).isEqualTo(false);
    assertThat(parse(ValueKind.BOOLEAN, "True")).isNull();
    assertThat(parse(ValueKind.STRING, "1e-3")).isEqualTo("1e-3");
    assertThat(parse(ValueKind.ENUM, "GELU")).isEqualTo("GELU");
    assertThat(parse(ValueKind.ENUM, "gelu")).isNull();
    assertThat(parse(ValueKind.POLYMORPHIC, "RELU")).isEqualTo("RELU");
    assertThat(parse(ValueKind.CONFIG, "anything")).isNull();
  }

  @Test
  void expectedForMessages() {
    assertThat(LiteralParser.expected(ValueKind.INT, "int", List.of())).isEqualTo("an int");
    assertThat(LiteralParser.expected(ValueKind.BOOLEAN, "boolean", List.of())).isEqualTo("true or false");
    assertThat(LiteralParser.expected(ValueKind.ENUM, "Activation", List.of("RELU", "GELU")))
        .isEqualTo("a constant of Activation (RELU, GELU)");
    assertThat(LiteralParser.expected(ValueKind.POLYMORPHIC, "Block", List.of("Dense")))
        .isEqualTo("a permitted record of Block (Dense)");
  }

  @Test
  void valuesAndNumbersForMessages() {
    assertThat(LiteralParser.show("adam")).isEqualTo("\"adam\"");
    assertThat(LiteralParser.show(0.5)).isEqualTo("0.5");
    assertThat(LiteralParser.show(true)).isEqualTo("true");
    assertThat(LiteralParser.number(12.0)).isEqualTo("12");
    assertThat(LiteralParser.number(-3.0)).isEqualTo("-3");
    assertThat(LiteralParser.number(0.25)).isEqualTo("0.25");
    assertThat(LiteralParser.number(1e-5)).isEqualTo("1.0E-5");
    assertThat(LiteralParser.number(1e15)).isEqualTo("1.0E15");
  }
}
