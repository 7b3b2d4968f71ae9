package io.paramspace.runtime.text;

import static com.google.common.truth.Truth.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Literals.formatDouble must write what Python's {@code repr(float)} writes. Every expected string
 * here was printed by Python (runtime/src/test/python/python_repr.py), not worked out by hand.
 */
class LiteralsTest {

  record Row(double value, long bits, String repr) {
    @Override
    public String toString() {
      return repr;
    }
  }

  private static Row row(double value, long bits, String repr) {
    return new Row(value, bits, repr);
  }

  /** A double literal or expression, the bits Python saw for it, and Python's repr. */
  static Stream<Row> named() {
    return Stream.of(
      row(0.0, 0x0000000000000000L, "0.0"),
      row(-0.0, 0x8000000000000000L, "-0.0"),
      row(1.0, 0x3FF0000000000000L, "1.0"),
      row(-1.0, 0xBFF0000000000000L, "-1.0"),
      row(0.5, 0x3FE0000000000000L, "0.5"),
      row(12.0, 0x4028000000000000L, "12.0"),
      row(-3.0, 0xC008000000000000L, "-3.0"),
      row(100.0, 0x4059000000000000L, "100.0"),
      row(0.1, 0x3FB999999999999AL, "0.1"),
      row(0.2, 0x3FC999999999999AL, "0.2"),
      row(0.3, 0x3FD3333333333333L, "0.3"),
      row(0.1 + 0.2, 0x3FD3333333333334L, "0.30000000000000004"),
      row(1.0 / 3, 0x3FD5555555555555L, "0.3333333333333333"),
      row(2.0 / 3, 0x3FE5555555555555L, "0.6666666666666666"),
      row(1234.5678, 0x40934A456D5CFAADL, "1234.5678"),
      row(-1234.5678, 0xC0934A456D5CFAADL, "-1234.5678"),
      row(3.141592653589793, 0x400921FB54442D18L, "3.141592653589793"),
      row(2.718281828459045, 0x4005BF0A8B145769L, "2.718281828459045"),
      row(1e-05, 0x3EE4F8B588E368F1L, "1e-05"),
      row(-1e-05, 0xBEE4F8B588E368F1L, "-1e-05"),
      row(0.0001, 0x3F1A36E2EB1C432DL, "0.0001"),
      row(0.001, 0x3F50624DD2F1A9FCL, "0.001"),
      row(0.00012345, 0x3F202E4B6CE5DC68L, "0.00012345"),
      row(2.5e-07, 0x3E90C6F7A0B5ED8DL, "2.5e-07"),
      row(1e-07, 0x3E7AD7F29ABCAF48L, "1e-07"),
      row(0.99, 0x3FEFAE147AE147AEL, "0.99"),
      row(0.999, 0x3FEFF7CED916872BL, "0.999"),
      row(1e-05 * 3, 0x3EFF75104D551D6AL, "3.0000000000000004e-05"),
      row(123456789012345.6, 0x42DC12218377DE66L, "123456789012345.6"),
      row(1e15, 0x430C6BF526340000L, "1000000000000000.0"),
      row(1e16, 0x4341C37937E08000L, "1e+16"),
      row(1e+22, 0x4480F0CF064DD592L, "1e+22"),
      row(1e23, 0x44B52D02C7E14AF6L, "1e+23"),
      row(2e23, 0x44C52D02C7E14AF6L, "2e+23"),
      row(1e21, 0x444B1AE4D6E2EF50L, "1e+21"),
      row(123456789.0, 0x419D6F3454000000L, "123456789.0"),
      row(9007199254740992.0, 0x4340000000000000L, "9007199254740992.0"),
      row(9007199254740993.0, 0x4340000000000000L, "9007199254740992.0"),
      row(5e-324, 0x0000000000000001L, "5e-324"),
      row(-5e-324, 0x8000000000000001L, "-5e-324"),
      row(1e-323, 0x0000000000000002L, "1e-323"),
      row(2.2250738585072014e-308, 0x0010000000000000L, "2.2250738585072014e-308"),
      row(2.225073858507201e-308, 0x000FFFFFFFFFFFFFL, "2.225073858507201e-308"),
      row(1.7976931348623157e308, 0x7FEFFFFFFFFFFFFFL, "1.7976931348623157e+308"),
      row(-1.7976931348623157e308, 0xFFEFFFFFFFFFFFFFL, "-1.7976931348623157e+308"),
      row(4.35, 0x4011666666666666L, "4.35"),
      row(0.07, 0x3FB1EB851EB851ECL, "0.07"),
      row(1e100, 0x54B249AD2594C37DL, "1e+100"),
      row(1.5e-10, 0x3DE49DA7E361CE4CL, "1.5e-10"),
      row(6.02214076e23, 0x44DFE185CA57C517L, "6.02214076e+23"),
      row(6.62607015e-34, 0x390B860BDE023111L, "6.62607015e-34"),
      row(9.999999999999999e-05, 0x3F1A36E2EB1C432CL, "9.999999999999999e-05"),
      row(0.00010000000000000002, 0x3F1A36E2EB1C432EL, "0.00010000000000000002"),
      row(0.0009999999999999998, 0x3F50624DD2F1A9FBL, "0.0009999999999999998"),
      row(999999999999999.9, 0x430C6BF52633FFFFL, "999999999999999.9"),
      row(9999999999999998.0, 0x4341C37937E07FFFL, "9999999999999998.0"),
      row(1e16 - 2, 0x4341C37937E07FFFL, "9999999999999998.0"),
      row(1e16 + 2, 0x4341C37937E08001L, "1.0000000000000002e+16"),
      row(99999999999999990.0, 0x4376345785D89FFFL, "9.999999999999998e+16"),
      row(0.9999999999999999, 0x3FEFFFFFFFFFFFFFL, "0.9999999999999999"),
      row(1.0000000000000002, 0x3FF0000000000001L, "1.0000000000000002"),
      row(10.000000000000002, 0x4024000000000001L, "10.000000000000002"),
      row(9.999999999999998, 0x4023FFFFFFFFFFFFL, "9.999999999999998"),
      row(0.5 * 0.5 * 0.5, 0x3FC0000000000000L, "0.125"),
      row(1024.0 * 1024.0 * 1024.0 * 1024.0 * 1024.0 * 1024.0 * 1024.0, 0x4450000000000000L, "1.1805916207174113e+21"),
      row(9.5367431640625e-07, 0x3EB0000000000000L, "9.5367431640625e-07"),
      row(8.98846567431158e307, 0x7FE0000000000000L, "8.98846567431158e+307"),
      row(1.1125369292536007e-308, 0x0008000000000000L, "1.1125369292536007e-308"),
      row(7.120236347223045e-307, 0x0060000000000000L, "7.120236347223045e-307"),
      row(4.887898181599368e-150, 0x20F0000000000000L, "4.887898181599368e-150"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("named")
  void formatsLikePythonRepr(Row row) {
    // Java must read the literal as the same double Python did, or the row tests nothing.
    assertThat(Long.toHexString(Double.doubleToRawLongBits(row.value()))).isEqualTo(Long.toHexString(row.bits()));
    assertThat(Literals.formatDouble(row.value())).isEqualTo(row.repr());
  }

  @Test
  void briefCutsLongStringsForMessagesAndNothingElse() {
    assertThat(Literals.brief("a".repeat(64))).isEqualTo(Literals.format("a".repeat(64)));
    assertThat(Literals.brief("a".repeat(65))).isEqualTo("'" + "a".repeat(40) + "'... (65 characters)");
    assertThat(Literals.brief(12.5)).isEqualTo("12.5");
    assertThat(Literals.briefName("k".repeat(100))).isEqualTo("k".repeat(40) + "... (100 characters)");
    // Never half a character: a pair of surrogates at the cut stays out whole.
    String emoji = "a".repeat(39) + "\uD83D\uDE00" + "b".repeat(40);
    assertThat(Literals.brief(emoji)).isEqualTo("'" + "a".repeat(39) + "'... (" + emoji.length() + " characters)");
    // Trees and hashes write values whole.
    assertThat(Literals.format("a".repeat(100))).hasLength(102);
  }

  @Test
  void formatsPowersOfTwoRandomBitsAndSubnormalsLikePythonRepr() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int rows = 0;
    for (String line : resourceLines("python-repr.tsv")) {
      if (line.startsWith("#")) {
        continue;
      }
      rows++;
      String[] cells = line.split("\t");
      double value = Double.longBitsToDouble(Long.parseLong(cells[0]));
      String actual = Literals.formatDouble(value);
      if (!actual.equals(cells[1])) {
        mismatches.add(cells[1] + " written as " + actual);
      }
    }
    assertThat(rows).isGreaterThan(4000);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void formatsNonFiniteValuesAsPythonDoes() {
    assertThat(Literals.formatDouble(Double.NaN)).isEqualTo("nan");
    assertThat(Literals.formatDouble(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(Literals.formatDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  record FloatRow(int bits, String repr) {
    @Override
    public String toString() {
      return repr;
    }
  }

  private static FloatRow floatRow(int bits, String repr) {
    return new FloatRow(bits, repr);
  }

  /**
   * Float bits and the shortest digits that read back as that float (numpy's), written as repr
   * writes a double. The second group are floats whose {@code Float.toString} on JDK 17 has more
   * digits than needed, so the format must not lean on it.
   */
  static Stream<FloatRow> floats() {
    return Stream.of(
      floatRow(0x3DCCCCCD, "0.1"),
      floatRow(0x3E99999A, "0.3"),
      floatRow(0x3727C5AC, "1e-05"),
      floatRow(0x3F000000, "0.5"),
      floatRow(0x4B800000, "16777216.0"),
      floatRow(0x7F7FFFFF, "3.4028235e+38"),
      floatRow(0x00000001, "1e-45"),
      floatRow(0x00800000, "1.1754944e-38"),
      floatRow(0x5A0E1BCA, "1e+16"),
      floatRow(0x38D1B717, "0.0001"),
      floatRow(0x41400000, "12.0"),
      floatRow(0x52E6B438, "495433020000.0"),
      floatRow(0x5D9DC9F8, "1.4212364e+18"),
      floatRow(0x4EF8AA38, "2085952500.0"),
      floatRow(0xD3AC94AF, "-1482457700000.0"),
      floatRow(0x506BF2EF, "15834267000.0"),
      floatRow(0x08683BA1, "6.9885054e-34"),
      floatRow(0x49DDC2F8, "1816671.0"),
      floatRow(0xDE79A620, "-4.4972752e+18"),
      floatRow(0xF189DBA4, "-1.3652792e+30"),
      floatRow(0xEE592529, "-1.6800793e+28"),
      floatRow(0xEBF41E5B, "-5.902425e+26"),
      floatRow(0x46E107F2, "28803.973"),
      floatRow(0x30D74E8D, "1.5665634e-09"),
      floatRow(0x47403508, "49205.03"),
      floatRow(0xF6890ED5, "-1.3899326e+33"),
      floatRow(0xA6C3E831, "-1.3593779e-15"),
      floatRow(0xDB515799, "-5.8924585e+16"),
      floatRow(0x8FFBC2B5, "-2.482551e-29"),
      floatRow(0xF8498528, "-1.6349256e+34"),
      floatRow(0x711BFDE8, "7.724341e+29"),
      floatRow(0xA1636E83, "-7.7056853e-19"),
      floatRow(0x4C286C0A, "44150824.0"),
      floatRow(0x37A3210C, "1.9446503e-05"),
      floatRow(0xD8E291DB, "-1992928600000000.0"),
      floatRow(0x9921A611, "-8.357042e-24"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("floats")
  void formatsFloatsWithTheirOwnShortestDigits(FloatRow row) {
    assertThat(Literals.format(Float.intBitsToFloat(row.bits()))).isEqualTo(row.repr());
  }

  @Test
  void formatsFloatSpecialValues() {
    assertThat(Literals.format(-0.0f)).isEqualTo("-0.0");
    assertThat(Literals.format(0.0f)).isEqualTo("0.0");
    assertThat(Literals.format(Float.NaN)).isEqualTo("nan");
    assertThat(Literals.format(Float.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  @Test
  void writesTheSameUnderAnyDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      // Arabic-Indic digits by default, and a comma as the decimal separator.
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      assertThat(Literals.formatDouble(1e-5)).isEqualTo("1e-05");
      assertThat(Literals.formatDouble(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
      assertThat(Literals.format(0.5f)).isEqualTo("0.5");
      Locale.setDefault(Locale.GERMANY);
      assertThat(Literals.formatDouble(1234.5678)).isEqualTo("1234.5678");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void formatsBoxedDoubleAsFormatDouble() {
    assertThat(Literals.format(1e-5)).isEqualTo("1e-05");
    assertThat(Literals.format(12.0)).isEqualTo("12.0");
  }

  @Test
  void formatsStringsInSingleQuotesWithEscapes() {
    assertThat(Literals.format("adam")).isEqualTo("'adam'");
    assertThat(Literals.format("")).isEqualTo("''");
    assertThat(Literals.format("it's")).isEqualTo("'it\\'s'");
    assertThat(Literals.format("C:\\tmp")).isEqualTo("'C:\\\\tmp'");
    assertThat(Literals.format("\\'")).isEqualTo("'\\\\\\''");
    assertThat(Literals.format("say \"hi\"")).isEqualTo("'say \"hi\"'");
    assertThat(Literals.format("a\nb\tc\rd")).isEqualTo("'a\\nb\\tc\\rd'");
  }

  @Test
  void formatsBooleansNullAndIntegers() {
    assertThat(Literals.format(true)).isEqualTo("true");
    assertThat(Literals.format(false)).isEqualTo("false");
    assertThat(Literals.format(null)).isEqualTo("null");
    assertThat(Literals.format(42)).isEqualTo("42");
    assertThat(Literals.format(-7)).isEqualTo("-7");
    assertThat(Literals.format(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    assertThat(Literals.format(10_000_000_000_000_000L)).isEqualTo("10000000000000000");
  }

  enum Activation {
    RELU,
    GELU {
      @Override
      public String toString() {
        return "gelu (smooth)";
      }
    }
  }

  record DenseConfig(int layers) {}

  @Test
  void formatsEnumConstantsByName() {
    assertThat(Literals.format(Activation.RELU)).isEqualTo("RELU");
    // The name, not an overridden toString.
    assertThat(Literals.format(Activation.GELU)).isEqualTo("GELU");
  }

  @Test
  void formatsClassesBySimpleName() {
    assertThat(Literals.format(DenseConfig.class)).isEqualTo("DenseConfig");
    assertThat(Literals.format(String.class)).isEqualTo("String");
  }

  private static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(LiteralsTest.class.getResourceAsStream(name), name);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    }
  }
}
