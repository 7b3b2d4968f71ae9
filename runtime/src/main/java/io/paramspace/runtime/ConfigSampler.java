package io.paramspace.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ConfigSpace} placed at one spot of a parameter tree: for each field, the space it
 * samples while active and its full parameter name, worked out once so that sampling neither
 * builds strings nor walks the descriptor. Generated {@code XxxSpace.sample} methods ask it for
 * one value per active field, by field index, and pass the {@link Trial} through.
 *
 * <p>Immutable and thread-safe; the trial carries the state.
 */
public final class ConfigSampler {
  private final ConfigSpace space;
  private final Space[] active;
  private final String[] names;
  private final ConfigSampler[] nested;
  private final CategoricalSpace<?>[] branchChoices;
  private final List<Map<String, ConfigSampler>> branches;
  /** For a categorical or branch field whose weights are all 1, its choices; otherwise null. */
  private final Object[][] unitChoices;

  /** The sampler of a root config: names start with its type name. */
  public static ConfigSampler of(ConfigSpace space) {
    return new ConfigSampler(space, "");
  }

  private ConfigSampler(ConfigSpace space, String prefix) {
    this.space = space;
    int n = space.fields().size();
    active = new Space[n];
    names = new String[n];
    nested = new ConfigSampler[n];
    branchChoices = new CategoricalSpace<?>[n];
    branches = new ArrayList<>(java.util.Collections.nCopies(n, null));
    unitChoices = new Object[n][];
    for (int i = 0; i < n; i++) {
      FieldSpace field = space.field(i);
      String name = ParameterNames.fieldName(prefix, space, field.name());
      Space sampled = field.space();
      if (sampled instanceof ConditionalSpace c) {
        sampled = c.whenTrue();
        name = ParameterNames.branchName(name, true);
      }
      active[i] = sampled;
      names[i] = name;
      if (sampled instanceof ConfigSpace c) {
        nested[i] = new ConfigSampler(c, ParameterNames.nestedPrefix(name));
      } else if (sampled instanceof PolymorphicSpace p) {
        branchChoices[i] = p.choice();
        branches.set(i, new HashMap<>());
        for (ConfigSpace branch : p.branches()) {
          branches.get(i).put(branch.typeName(), new ConfigSampler(branch, ParameterNames.nestedPrefix(name)));
        }
      }
      if (sampled instanceof CategoricalSpace<?> c) {
        unitChoices[i] = unitChoices(c);
      } else if (branchChoices[i] != null) {
        unitChoices[i] = unitChoices(branchChoices[i]);
      }
    }
  }

  /** The space this sampler samples. */
  public ConfigSpace space() {
    return space;
  }

  /** The parameter name of field {@code field} (its sampled side, for a conditional). */
  public String name(int field) {
    return names[field];
  }

  /** A value for a {@code double} (or {@code Double}) field. */
  public double nextDouble(Trial trial, int field) {
    if (active[field] instanceof FloatSpace f) {
      return trial.suggestFloat(names[field], f);
    }
    return ((Number) next(trial, field)).doubleValue();
  }

  /** A value for a {@code float} (or {@code Float}) field. */
  public float nextFloat(Trial trial, int field) {
    return (float) nextDouble(trial, field);
  }

  /** A value for a {@code long} (or {@code Long}) field. */
  public long nextLong(Trial trial, int field) {
    if (active[field] instanceof IntSpace s) {
      return trial.suggestInt(names[field], s);
    }
    return ((Number) next(trial, field)).longValue();
  }

  /** A value for an {@code int} (or {@code Integer}) field. */
  public int nextInt(Trial trial, int field) {
    return Math.toIntExact(nextLong(trial, field));
  }

  /** A value for a categorical field (String, boolean, enum, or numbers given as choices). */
  @SuppressWarnings("unchecked")
  public <T> T nextChoice(Trial trial, int field) {
    Object[] unit = unitChoices[field];
    if (unit != null && trial instanceof RandomTrial random) {
      // Seeded sampling of equal weights: RandomTrial's own draw, without walking the weight list.
      return (T) unit[random.unitWeightIndex(unit.length)];
    }
    if (active[field] instanceof CategoricalSpace<?> c) {
      return (T) trial.suggestCategorical(names[field], c);
    }
    return (T) next(trial, field);
  }

  /** The sampler of the nested config in field {@code field}. */
  public ConfigSampler nested(int field) {
    return nested[field];
  }

  /** The simple class name of the branch a polymorphic field takes. */
  public String nextBranch(Trial trial, int field) {
    Object[] unit = unitChoices[field];
    if (unit != null && trial instanceof RandomTrial random) {
      // As in nextChoice.
      return (String) unit[random.unitWeightIndex(unit.length)];
    }
    CategoricalSpace<?> choice = branchChoices[field];
    if (choice == null) {
      return ((PolymorphicSpace) active[field]).branches().get(0).typeName();
    }
    return (String) trial.suggestCategorical(names[field], choice);
  }

  /** The sampler of branch {@code typeName} of a polymorphic field. */
  public ConfigSampler branch(int field, String typeName) {
    return branches.get(field).get(typeName);
  }

  private static Object[] unitChoices(CategoricalSpace<?> space) {
    for (double w : space.weights()) {
      if (w != 1.0) {
        return null;
      }
    }
    return space.choices().toArray();
  }

  private Object next(Trial trial, int field) {
    Space s = active[field];
    if (s instanceof CategoricalSpace<?> c) {
      return trial.suggestCategorical(names[field], c);
    }
    if (s instanceof FixedSpace f) {
      return f.value();
    }
    if (s instanceof FloatSpace f) {
      return trial.suggestFloat(names[field], f);
    }
    if (s instanceof IntSpace i) {
      return trial.suggestInt(names[field], i);
    }
    throw new IllegalStateException(
        "field '" + space.field(field).name() + "' of " + space.typeName() + " has no value space: "
            + SpaceTree.label(s));
  }
}
