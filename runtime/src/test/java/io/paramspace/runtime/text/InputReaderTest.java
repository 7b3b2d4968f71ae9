package io.paramspace.runtime.text;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.InputFormat;
import io.paramspace.runtime.InputNode;
import io.paramspace.runtime.InputProblem;
import io.paramspace.runtime.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading JSON, YAML and TOML into located trees; what each parser does with odd input. */
class InputReaderTest {
  private static InputProblem problem(String text, InputFormat format) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> InputReader.read(text, format, "in"));
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  @Test
  void valuesKeepTheirLineAndColumn() {
    InputNode.MapNode json = (InputNode.MapNode) InputReader.read("{\n  \"a\": [1, \"x\"]}", InputFormat.JSON, "in");
    InputNode.ListNode list = (InputNode.ListNode) json.entries().get("a");
    assertThat(json.location()).isEqualTo(new InputNode.Location(1, 1));
    assertThat(list.location()).isEqualTo(new InputNode.Location(2, 8));
    assertThat(list.items().get(1).location()).isEqualTo(new InputNode.Location(2, 12));
    assertThat(json.keyLocation("a")).isEqualTo(new InputNode.Location(2, 3));

    InputNode.MapNode yaml = (InputNode.MapNode) InputReader.read("a:\n  b: 3\n", InputFormat.YAML, "in");
    InputNode b = ((InputNode.MapNode) yaml.entries().get("a")).entries().get("b");
    assertThat(b).isEqualTo(new InputNode.Scalar(3, new InputNode.Location(2, 6)));
    assertThat(((InputNode.MapNode) yaml.entries().get("a")).keyLocation("b")).isEqualTo(new InputNode.Location(2, 3));

    // Jackson's TOML parser reads a whole document first and keeps no positions.
    InputNode.MapNode toml = (InputNode.MapNode) InputReader.read("a = 3\n", InputFormat.TOML, "in");
    assertThat(toml.entries().get("a").location()).isEqualTo(InputNode.Location.UNKNOWN);
    assertThat(toml.keyLocation("a")).isEqualTo(InputNode.Location.UNKNOWN);
  }

  @Test
  void numbersKeepTheirKind() {
    InputNode.MapNode root = (InputNode.MapNode) InputReader.read(
        "{\"i\": 3, \"l\": 5000000000, \"b\": 123456789012345678901234, \"d\": 1e-3, \"w\": 2.0}", InputFormat.JSON, "in");
    assertThat(value(root, "i")).isEqualTo(3);
    assertThat(value(root, "l")).isEqualTo(5_000_000_000L);
    assertThat(value(root, "b")).isEqualTo(new java.math.BigInteger("123456789012345678901234"));
    assertThat(value(root, "d")).isEqualTo(0.001);
    assertThat(value(root, "w")).isEqualTo(2.0);
  }

  @Test
  void tomlKeepsTheSignOfNegativeZero() {
    InputNode.MapNode root = (InputNode.MapNode) InputReader.read("""
        a = -0.0
        b = [ -0.0, 1, -0e0, [-0.00_0], -0.5 ]
        c = { x = -0.0, y = "-0.0" }
        "-0.0" = 1
        -0 = 2
        s = \"\"\" -0.0 = -0.0 \"\"\"
        l = '-0.0'
        t = +0.0  # -0.0 in a comment
        z = 0.0
        i = -0
        """, InputFormat.TOML, "in");
    assertThat(value(root, "a")).isEqualTo(-0.0);
    List<InputNode> b = ((InputNode.ListNode) root.entries().get("b")).items();
    assertThat(((InputNode.Scalar) b.get(0)).value()).isEqualTo(-0.0);
    assertThat(((InputNode.Scalar) b.get(1)).value()).isEqualTo(1);
    assertThat(((InputNode.Scalar) b.get(2)).value()).isEqualTo(-0.0);
    assertThat(((InputNode.Scalar) ((InputNode.ListNode) b.get(3)).items().get(0)).value()).isEqualTo(-0.0);
    assertThat(((InputNode.Scalar) b.get(4)).value()).isEqualTo(-0.5);
    InputNode.MapNode c = (InputNode.MapNode) root.entries().get("c");
    assertThat(value(c, "x")).isEqualTo(-0.0);
    assertThat(value(c, "y")).isEqualTo("-0.0");
    assertThat(value(root, "-0.0")).isEqualTo(1);
    assertThat(value(root, "-0")).isEqualTo(2);
    assertThat(value(root, "s")).isEqualTo(" -0.0 = -0.0 ");
    assertThat(value(root, "l")).isEqualTo("-0.0");
    assertThat(value(root, "t")).isEqualTo(0.0);
    assertThat(value(root, "z")).isEqualTo(0.0);
    assertThat(value(root, "i")).isEqualTo(0);
    // JSON and YAML read it as written.
    assertThat(value((InputNode.MapNode) InputReader.read("{\"a\": -0.0}", InputFormat.JSON, "in"), "a")).isEqualTo(-0.0);
    assertThat(value((InputNode.MapNode) InputReader.read("a: -0.0\n", InputFormat.YAML, "in"), "a")).isEqualTo(-0.0);
    // A malformed text is reported where it is malformed as written.
    assertThat(problem("a = [-0.0, = ]\n", InputFormat.TOML).location())
        .isEqualTo(problem("a = [-0.5, = ]\n", InputFormat.TOML).location());
  }

  @Test
  void aYamlAliasIsRejectedNotReadAsItsName() {
    InputProblem alias = problem("a: &n 3\nb: *n\n", InputFormat.YAML);
    assertThat(alias.location()).isEqualTo(new InputNode.Location(2, 4));
    assertThat(alias.message()).contains("uses the alias *n; YAML anchors and aliases are not supported");
  }

  @Test
  void nestingIsCutAt64Levels() {
    assertThat(problem("[".repeat(100) + "]".repeat(100), InputFormat.JSON).message())
        .isEqualTo("is malformed: nests deeper than 64 levels");
    assertThat(problem("a: " + "[".repeat(100) + "]".repeat(100), InputFormat.YAML).message())
        .isEqualTo("is malformed: nests deeper than 64 levels");
    assertThat(problem("a = " + "[".repeat(100) + "]".repeat(100), InputFormat.TOML).message())
        .isEqualTo("is malformed: nests deeper than 64 levels");
    assertThat(problem("a = " + "[".repeat(5_000), InputFormat.TOML).message()).startsWith("is malformed: ");
  }

  @Test
  void emptyInput() {
    assertThat(problem("", InputFormat.JSON).message()).isEqualTo("is empty; write an object of fields");
    assertThat(problem("# only a comment\n", InputFormat.YAML).message()).isEqualTo("is empty; write an object of fields");
    // An empty TOML document is an empty table.
    assertThat(InputReader.read("", InputFormat.TOML, "in")).isEqualTo(
        new InputNode.MapNode(java.util.Map.of(), InputNode.Location.UNKNOWN));
  }

  @Test
  void tomlDatesAreReadAsText() {
    InputNode.MapNode root = (InputNode.MapNode) InputReader.read("d = 1979-05-27\n", InputFormat.TOML, "in");
    assertThat(value(root, "d")).isEqualTo("1979-05-27");
  }

  @Test
  void anUnknownFormatOrAPathWithoutAName() {
    InvalidInputException root = assertThrows(InvalidInputException.class, () -> InputFormat.of(Path.of("/")));
    assertThat(root.problems().get(0).message()).isEqualTo("the file name must end in .json, .yaml, .yml or .toml");
    assertThat(InputFormat.of(Path.of("a/B.YML"))).isEqualTo(InputFormat.YAML);
    assertThat(InputFormat.of(Path.of("c.toml"))).isEqualTo(InputFormat.TOML);
  }

  @Test
  void problemsAreSortedByPositionThenAsFound() {
    InputProblem late = new InputProblem("f", "b", new InputNode.Location(3, 1), "late");
    InputProblem early = new InputProblem("f", "a", new InputNode.Location(1, 9), "early");
    InputProblem nowhere = new InputProblem("f", "c", InputNode.Location.UNKNOWN, "nowhere");
    InvalidInputException e = new InvalidInputException("Summary:", List.of(nowhere, late, early));
    assertThat(e.problems()).containsExactly(early, late, nowhere).inOrder();
    assertThat(e.getMessage()).isEqualTo("Summary:\n  f:1:9: a: early\n  f:3:1: b: late\n  f: c: nowhere");
  }

  private static Object value(InputNode.MapNode map, String key) {
    return ((InputNode.Scalar) map.entries().get(key)).value();
  }
}
