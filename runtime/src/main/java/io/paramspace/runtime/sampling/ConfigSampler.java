package io.paramspace.runtime.sampling;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConditionalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FieldSpace;
import io.paramspace.runtime.FixedSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.PolymorphicSpace;
import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Rng;
import io.paramspace.runtime.Space;
import io.paramspace.runtime.Trial;
import io.paramspace.runtime.internal.Accesses;
import io.paramspace.runtime.view.ParameterNames;
import io.paramspace.runtime.view.SpaceTree;

/**
 * A {@link ConfigSpace} placed at one spot of a parameter tree: for each field, the space it
 * samples while active and its full parameter name, worked out once so that sampling neither
 * builds strings nor walks the descriptor. Generated {@code XxxSpace.sample} methods ask it for
 * one value per active field, by field index, and pass the {@link Trial} through.
 *
 * <p>A {@link RandomTrial} is not asked: the sampler draws from its {@link Rng} with the field's
 * {@link FloatDraw}, {@link IntDraw} or {@link ChoiceDraw}, built here once, which are the code
 * RandomTrial's own methods run, so the values are the same. Any other trial is asked by name.
 *
 * <p>Immutable and thread-safe; the trial carries the state.
 */
public final class ConfigSampler {
  private final ConfigSpace<?> space;
  private final Space[] active;
  private final String[] names;
  private final ConfigSampler[] nested;
  /** Per field, the draw of its space if it is of that kind; otherwise null. */
  private final FloatDraw[] floatDraws;
  private final IntDraw[] intDraws;
  private final ChoiceDraw[] choiceDraws;
  /** For a polymorphic field: the choice of branch names ({@code null} with one branch). */
  private final CategoricalSpace<?>[] branchChoices;
  /** For a polymorphic field: branch names and their samplers, in the same order. */
  private final String[][] branchNames;
  private final ConfigSampler[][] branchSamplers;

  /**
   * The sampler of a root config (names start with its type name), built once per space and
   * kept by it: generated code takes its draws from it.
   */
  public static ConfigSampler of(ConfigSpace<?> space) {
    return space.sampler();
  }

  /** A new root sampler, not kept: {@link ConfigSpace#sampler()} keeps the one it builds. */
  public static ConfigSampler root(ConfigSpace<?> space) {
    return new ConfigSampler(space, "");
  }

  private ConfigSampler(ConfigSpace<?> space, String prefix) {
    this.space = space;
    int n = space.fields().size();
    active = new Space[n];
    names = new String[n];
    nested = new ConfigSampler[n];
    floatDraws = new FloatDraw[n];
    intDraws = new IntDraw[n];
    choiceDraws = new ChoiceDraw[n];
    branchChoices = new CategoricalSpace<?>[n];
    branchNames = new String[n][];
    branchSamplers = new ConfigSampler[n][];
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
      if (sampled instanceof ConfigSpace<?> c) {
        nested[i] = new ConfigSampler(c, ParameterNames.nestedPrefix(name));
      } else if (sampled instanceof FloatSpace f) {
        floatDraws[i] = new FloatDraw(f);
      } else if (sampled instanceof IntSpace s) {
        intDraws[i] = new IntDraw(s);
      } else if (sampled instanceof CategoricalSpace<?> c) {
        choiceDraws[i] = new ChoiceDraw(c.weights(), c.choices().toArray());
      } else if (sampled instanceof PolymorphicSpace p) {
        int branches = p.branches().size();
        branchNames[i] = new String[branches];
        branchSamplers[i] = new ConfigSampler[branches];
        for (int b = 0; b < branches; b++) {
          ConfigSpace<?> branch = p.branches().get(b);
          branchNames[i][b] = branch.typeName();
          branchSamplers[i][b] = new ConfigSampler(branch, ParameterNames.nestedPrefix(name));
        }
        branchChoices[i] = p.choice();
        if (branchChoices[i] != null) {
          choiceDraws[i] = new ChoiceDraw(p.weights(), branchNames[i]);
        }
      }
    }
  }

  /** The space this sampler samples. */
  public ConfigSpace<?> space() {
    return space;
  }

  /** The parameter name of field {@code field} (its sampled side, for a conditional). */
  public String name(int field) {
    return names[field];
  }

  /** A value for a {@code double} (or {@code Double}) field. */
  public double nextDouble(Trial trial, int field) {
    FloatDraw draw = floatDraws[field];
    if (draw != null && trial instanceof RandomTrial random) {
      return draw.next(random.rng());
    }
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
    IntDraw draw = intDraws[field];
    if (draw != null && trial instanceof RandomTrial random) {
      return draw.next(random.rng());
    }
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
    return (T) next(trial, field);
  }

  /**
   * The draw of a float-range field (its active side, for a conditional), or {@code null}:
   * generated {@code random(Rng)} methods keep it in a constant, so the JIT sees no array.
   */
  public FloatDraw floatDraw(int field) {
    return floatDraws[field];
  }

  /** The draw of an int-range field, or {@code null}; see {@link #floatDraw}. */
  public IntDraw intDraw(int field) {
    return intDraws[field];
  }

  /**
   * The draw of a categorical field, or of the branch of a polymorphic one with several branches
   * (it picks the branch's simple name; its index is the branch's place in the declaration), or
   * {@code null}; see {@link #floatDraw}.
   */
  public ChoiceDraw choiceDraw(int field) {
    return choiceDraws[field];
  }

  /** The sampler of the nested config in field {@code field}. */
  public ConfigSampler nested(int field) {
    return nested[field];
  }

  /** The nested config of field {@code field}, sampled by its generated code through its sampler. */
  @SuppressWarnings("unchecked")
  public <C> C nextConfig(Trial trial, int field) {
    ConfigSampler inner = nested[field];
    return (C) Accesses.require(inner.space).sample(trial, inner);
  }

  /** The config of a polymorphic field: its branch (see {@link #nextBranch}), then that branch's fields. */
  @SuppressWarnings("unchecked")
  public <C> C nextBranchConfig(Trial trial, int field) {
    String typeName = nextBranch(trial, field);
    ConfigSampler inner = branch(field, typeName);
    if (inner == null) {
      throw new IllegalStateException("no branch of '" + space.field(field).name() + "' in " + space.typeName()
          + " is called " + typeName);
    }
    return (C) Accesses.require(inner.space).sample(trial, inner);
  }

  /** The simple class name of the branch a polymorphic field takes. */
  public String nextBranch(Trial trial, int field) {
    ChoiceDraw draw = choiceDraws[field];
    if (draw != null && trial instanceof RandomTrial random) {
      return (String) draw.pick(random.rng());
    }
    CategoricalSpace<?> choice = branchChoices[field];
    if (choice == null) {
      return branchNames[field][0];
    }
    return (String) trial.suggestCategorical(names[field], choice);
  }

  /**
   * The sampler of branch {@code typeName} of a polymorphic field, or {@code null}. Generated code
   * passes the same string constant that {@link #nextBranch} returned, so identity usually decides.
   */
  public ConfigSampler branch(int field, String typeName) {
    String[] candidates = branchNames[field];
    for (int b = 0; b < candidates.length; b++) {
      if (candidates[b] == typeName) {
        return branchSamplers[field][b];
      }
    }
    for (int b = 0; b < candidates.length; b++) {
      if (candidates[b].equals(typeName)) {
        return branchSamplers[field][b];
      }
    }
    return null;
  }

  private Object next(Trial trial, int field) {
    ChoiceDraw draw = choiceDraws[field];
    if (draw != null && trial instanceof RandomTrial random) {
      return draw.pick(random.rng());
    }
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
