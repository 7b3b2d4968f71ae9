package io.paramspace.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds configs that contain themselves (A contains B contains A), through nested fields or
 * polymorphic branches: their space would be infinite.
 */
final class NestingRules {
  private NestingRules() {}

  static List<Diagnostic> check(ConfigModel config, Function<String, ConfigModel> nested) {
    List<Diagnostic> problems = new ArrayList<>();
    String root = qualifiedName(config);
    for (FieldModel field : config.fields()) {
      for (String start : contained(field)) {
        List<String> path = new ArrayList<>(List.of(config.simpleName() + "." + field.name()));
        if (reaches(start, root, nested, path, new HashSet<>())) {
          problems.add(Diagnostic.of(Message.NESTING_CYCLE, field.position(), field.name(),
              String.join(" -> ", path) + " -> " + config.simpleName()));
          break;
        }
      }
    }
    return problems;
  }

  /** The qualified names of the configs a field holds: its record, or its branches. */
  static List<String> contained(FieldModel field) {
    if (field.kind() == ValueKind.CONFIG) {
      return List.of(field.typeElement().getQualifiedName().toString());
    }
    if (field.kind() == ValueKind.POLYMORPHIC) {
      return field.branches().stream().map(b -> b.getQualifiedName().toString()).toList();
    }
    return List.of();
  }

  private static boolean reaches(
      String from, String target, Function<String, ConfigModel> nested, List<String> path, Set<String> seen) {
    if (from.equals(target)) {
      return true;
    }
    if (!seen.add(from)) {
      return false;
    }
    ConfigModel model = nested.apply(from);
    if (model == null) {
      return false;
    }
    for (FieldModel field : model.fields()) {
      for (String next : contained(field)) {
        path.add(model.simpleName() + "." + field.name());
        if (reaches(next, target, nested, path, seen)) {
          return true;
        }
        path.remove(path.size() - 1);
      }
    }
    return false;
  }

  private static String qualifiedName(ConfigModel config) {
    return config.element().getQualifiedName().toString();
  }
}
