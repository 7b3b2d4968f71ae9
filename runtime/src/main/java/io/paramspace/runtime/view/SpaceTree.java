package io.paramspace.runtime.view;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.internal.ConditionDomains;
import io.paramspace.runtime.text.Literals;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ConfigSpace} in SpaX's {@code get_tree()} layout:
 *
 * <pre>
 * ModelConfig
 * ├─ numBlocks: Int([2, 12], uniform)
 * └─ useCheckpoint: Conditional (if numBlocks &gt; 8)
 *    ├─ true: true
 *    └─ false: false
 * </pre>
 *
 * Fields appear in declaration order; categorical choices, polymorphic branches and the two sides
 * of a conditional appear as children. A condition that the spaces of the fields it reads decide
 * says so ({@code Conditional (if name == 'sgd'; always holds)} once {@code name} is fixed to
 * {@code 'sgd'}); the field stays conditional, so that its parameter keeps its {@code
 * ::true_branch} name.
 */
public final class SpaceTree {
  private SpaceTree() {}

  /** The whole tree, one line per node, each line ending in a newline. */
  public static String render(ConfigSpace<?> space) {
    StringBuilder out = new StringBuilder(space.typeName()).append('\n');
    appendChildren(out, configChildren(space), "");
    return out.toString();
  }

  /** The one-line label of a space, e.g. {@code Float([1e-05, 0.01], log)}. */
  public static String label(Space space) {
    if (space instanceof FloatSpace f) {
      return "Float([" + Literals.formatDouble(f.min()) + ", " + Literals.formatDouble(f.max()) + "], "
          + (f.log() ? "log" : "uniform") + (f.step() > 0 ? ", step=" + Literals.formatDouble(f.step()) : "")
          + ")";
    }
    if (space instanceof IntSpace i) {
      return "Int([" + i.min() + ", " + i.max() + "], " + (i.log() ? "log" : "uniform")
          + (i.step() > 1 ? ", step=" + i.step() : "") + ")";
    }
    if (space instanceof CategoricalSpace<?> || space instanceof PolymorphicSpace) {
      return "Categorical";
    }
    if (space instanceof FixedSpace f) {
      return Literals.format(f.value());
    }
    if (space instanceof ConfigSpace<?> c) {
      return c.typeName();
    }
    ConditionalSpace c = (ConditionalSpace) space;
    return "Conditional (if " + c.condition() + ")";
  }

  private record Node(String label, List<Node> children) {}

  private static List<Node> configChildren(ConfigSpace<?> space) {
    List<Node> nodes = new ArrayList<>();
    for (FieldSpace field : space.fields()) {
      if (field.space() instanceof ConditionalSpace c) {
        // A condition the (narrowed) fields decide says so; the field stays conditional, so its
        // parameter keeps its ::true_branch name.
        String decided = switch (ConditionDomains.decide(c.condition(), space.fields())) {
          case ALWAYS -> "; always holds";
          case NEVER -> "; never holds";
          case OPEN -> "";
        };
        nodes.add(new Node(field.name() + ": Conditional (if " + c.condition() + decided + ")", children(c)));
      } else {
        nodes.add(node(field.name() + ": ", field.space()));
      }
    }
    return nodes;
  }

  private static Node node(String prefix, Space space) {
    return new Node(prefix + label(space), children(space));
  }

  private static List<Node> children(Space space) {
    List<Node> nodes = new ArrayList<>();
    if (space instanceof CategoricalSpace<?> c) {
      boolean weighted = c.isWeighted();
      for (int i = 0; i < c.choices().size(); i++) {
        String weight = weighted ? " (weight=" + Literals.formatDouble(c.weights().get(i)) + ")" : "";
        nodes.add(new Node(Literals.format(c.choices().get(i)) + weight, List.of()));
      }
    } else if (space instanceof PolymorphicSpace p) {
      boolean weighted = p.weights().stream().distinct().count() > 1;
      for (int i = 0; i < p.branches().size(); i++) {
        ConfigSpace<?> branch = p.branches().get(i);
        String weight = weighted ? " (weight=" + Literals.formatDouble(p.weights().get(i)) + ")" : "";
        nodes.add(new Node(branch.typeName() + weight, configChildren(branch)));
      }
    } else if (space instanceof ConfigSpace<?> c) {
      nodes.addAll(configChildren(c));
    } else if (space instanceof ConditionalSpace c) {
      nodes.add(node("true: ", c.whenTrue()));
      nodes.add(node("false: ", c.whenFalse()));
    }
    return nodes;
  }

  private static void appendChildren(StringBuilder out, List<Node> children, String indent) {
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      Node child = children.get(i);
      out.append(indent).append(last ? "└─ " : "├─ ").append(child.label()).append('\n');
      appendChildren(out, child.children(), indent + (last ? "   " : "│  "));
    }
  }
}
