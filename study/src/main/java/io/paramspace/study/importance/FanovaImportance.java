package io.paramspace.study.importance;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Distribution.CategoricalDistribution;
import io.paramspace.runtime.Distribution.FloatDistribution;
import io.paramspace.runtime.Distribution.IntDistribution;
import io.paramspace.runtime.Rng;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Study;
import io.paramspace.study.StudyException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Parameter importance by fANOVA over a random forest (Hutter, Hoos and Leyton-Brown, ICML 2014),
 * Optuna's default {@code FanovaImportanceEvaluator}, computed the same way:
 *
 * <ol>
 *   <li>the trials: the study's complete trials that are configs of the space ({@link
 *       Study#history}), with a finite target value (the objective's value; give a target for a
 *       study with several objectives);
 *   <li>the parameters: those every one of these trials has (Optuna's intersection search space,
 *       by name), or the ones asked for; a parameter with a single possible value gets 0;
 *   <li>the encoding: floats and ints as they are (no log), bounded by {@code [low, high]}; a
 *       categorical one-hot, one column per choice, each bounded by {@code [0, 1]};
 *   <li>a random forest of {@code nTrees} regression trees ({@code maxDepth}, at least 2 samples to
 *       split, 1 per leaf, every feature considered, bootstrap samples), as scikit-learn's {@code
 *       RandomForestRegressor} with Optuna's settings, seeded;
 *   <li>per tree, the variance of the marginal of the parameter's columns divided by the tree's
 *       total variance; the importance is the mean of these fractions over the trees (trees of zero
 *       variance left out), then all importances are divided by their sum.
 * </ol>
 *
 * <p>The result maps each parameter name to its importance, the importances sum to 1, most
 * important first. Its cost grows with the number of trials times the number of distinct values:
 * a few seconds for a thousand trials.
 */
public final class FanovaImportance {
  private final int nTrees;
  private final int maxDepth;
  private final Long seed;

  /** Optuna's defaults: 64 trees of depth up to 64; seeded with the study's seed. */
  public FanovaImportance() {
    this(64, 64, null);
  }

  /** {@code seed} null: the study's seed. */
  public FanovaImportance(int nTrees, int maxDepth, Long seed) {
    if (nTrees < 1 || maxDepth < 1) {
      throw new IllegalArgumentException("nTrees and maxDepth must be >= 1, got " + nTrees + " and " + maxDepth);
    }
    this.nTrees = nTrees;
    this.maxDepth = maxDepth;
    this.seed = seed;
  }

  /** The importance of every parameter common to the complete trials of {@code space} (one objective). */
  public Map<String, Double> evaluate(Study study, ConfigSpace<?> space) {
    if (study.directions().size() != 1) {
      throw new StudyException("study '" + study.name() + "' has " + study.directions().size() + " objectives: give"
          + " the target to explain, e.g. evaluate(study, space, null, t -> t.values().get(0))");
    }
    return evaluate(study, space, null, FrozenTrial::value);
  }

  /**
   * The importance of {@code params} (null: every parameter the trials have in common) for {@code
   * target} (e.g. {@code t -> t.values().get(1)}, or a trial's duration).
   *
   * @throws StudyException if fewer than two trials qualify, a parameter asked for is missing, or
   *     every trial has the same target value
   */
  public Map<String, Double> evaluate(Study study, ConfigSpace<?> space, List<String> params,
      ToDoubleFunction<FrozenTrial> target) {
    List<FrozenTrial> complete = study.history(space).stream()
        .filter(t -> t.state() == io.paramspace.study.TrialState.COMPLETE).toList();
    String what = "study '" + study.name() + "'";
    if (complete.size() < 2) {
      throw new StudyException("cannot assess parameter importance in " + what + ": it has " + complete.size()
          + " complete trial(s) that are configs of " + space.typeName() + "; it needs at least 2 (tens for a"
          + " meaningful answer)");
    }
    Map<String, Distribution> distributions = distributions(complete, space, params, what);
    List<FrozenTrial> trials = new ArrayList<>();
    for (FrozenTrial t : complete) {
      if (t.params().keySet().containsAll(distributions.keySet()) && Double.isFinite(target.applyAsDouble(t))) {
        trials.add(t);
      }
    }
    return evaluate(trials, distributions, target, seed != null ? seed : study.seed(), what);
  }

  private static Map<String, Distribution> distributions(List<FrozenTrial> complete, ConfigSpace<?> space,
      List<String> params, String what) {
    Map<String, Distribution> all = space.distributions();
    Map<String, Distribution> chosen = new TreeMap<>();
    if (params == null) {
      for (Map.Entry<String, Distribution> e : all.entrySet()) {
        if (complete.stream().allMatch(t -> t.params().containsKey(e.getKey()))) {
          chosen.put(e.getKey(), e.getValue());
        }
      }
      if (chosen.isEmpty()) {
        throw new StudyException("cannot assess parameter importance in " + what + ": no parameter of "
            + space.typeName() + " is set in every complete trial (conditional parameters); name the parameters"
            + " to assess, and the trials that have them all are used");
      }
    } else {
      for (String p : params) {
        Distribution d = all.get(p);
        if (d == null) {
          throw new StudyException("cannot assess the importance of '" + p + "' in " + what + ": it is not a"
              + " parameter of " + space.typeName() + "; its parameters are " + all.keySet());
        }
        if (complete.stream().noneMatch(t -> t.params().keySet().containsAll(params))) {
          throw new StudyException("cannot assess the importance of " + params + " in " + what + ": no complete"
              + " trial has all of them (a conditional parameter is set only where its condition holds)");
        }
        chosen.put(p, d);
      }
    }
    return chosen;
  }

  private Map<String, Double> evaluate(List<FrozenTrial> trials, Map<String, Distribution> distributions,
      ToDoubleFunction<FrozenTrial> target, long forestSeed, String what) {
    Map<String, Distribution> varying = new LinkedHashMap<>();
    Map<String, Double> result = new LinkedHashMap<>();
    distributions.forEach((name, d) -> {
      if (single(d)) {
        result.put(name, 0.0);
      } else {
        varying.put(name, d);
      }
    });
    if (varying.isEmpty()) {
      return sorted(result);
    }
    if (trials.size() < 2) {
      throw new StudyException("cannot assess parameter importance in " + what + ": only " + trials.size()
          + " complete trial(s) have every parameter " + varying.keySet() + " and a finite value");
    }
    // The encoding (Optuna's _SearchSpaceTransform without log or step transforms).
    List<double[]> bounds = new ArrayList<>();
    List<int[]> columnsOf = new ArrayList<>();
    for (Distribution d : varying.values()) {
      int first = bounds.size();
      if (d instanceof CategoricalDistribution c) {
        for (int k = 0; k < c.choices().size(); k++) {
          bounds.add(new double[] {0, 1});
        }
      } else if (d instanceof FloatDistribution f) {
        bounds.add(new double[] {f.low(), f.high()});
      } else {
        IntDistribution i = (IntDistribution) d;
        bounds.add(new double[] {i.low(), i.high()});
      }
      int[] columns = new int[bounds.size() - first];
      for (int k = 0; k < columns.length; k++) {
        columns[k] = first + k;
      }
      columnsOf.add(columns);
    }
    int n = trials.size();
    double[][] x = new double[n][bounds.size()];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      FrozenTrial t = trials.get(r);
      int col = 0;
      for (Map.Entry<String, Distribution> e : varying.entrySet()) {
        double internal = t.params().get(e.getKey());
        if (e.getValue() instanceof CategoricalDistribution c) {
          x[r][col + (int) internal] = 1;
          col += c.choices().size();
        } else {
          x[r][col++] = internal;
        }
      }
      y[r] = target.applyAsDouble(t);
    }
    double[][] box = bounds.toArray(new double[0][]);
    List<FanovaTree> forest = new ArrayList<>(nTrees);
    Rng rng = new Rng(forestSeed);
    for (int k = 0; k < nTrees; k++) {
      int[] bootstrap = new int[n];
      for (int i = 0; i < n; i++) {
        bootstrap[i] = (int) rng.nextLong(n);
      }
      forest.add(new FanovaTree(RegressionTree.fit(x, y, bootstrap, maxDepth, 2, 1, rng), box));
    }
    if (forest.stream().allMatch(t -> t.variance() == 0)) {
      throw new StudyException("cannot assess parameter importance in " + what + ": the " + n + " trials'"
          + " values do not vary with the parameters (every tree of the forest is flat)");
    }
    double[] importance = new double[varying.size()];
    double total = 0;
    for (int p = 0; p < importance.length; p++) {
      double sum = 0;
      int count = 0;
      for (FanovaTree tree : forest) {
        if (tree.variance() > 0) {
          sum += tree.marginalVariance(columnsOf.get(p)) / tree.variance();
          count++;
        }
      }
      importance[p] = sum / count;
      total += importance[p];
    }
    int p = 0;
    for (String name : varying.keySet()) {
      result.put(name, total > 0 ? importance[p] / total : 0.0);
      p++;
    }
    return sorted(result);
  }

  private static boolean single(Distribution d) {
    if (d instanceof FloatDistribution f) {
      return f.low() == f.high();
    }
    if (d instanceof IntDistribution i) {
      return i.low() == i.high();
    }
    return ((CategoricalDistribution) d).choices().size() == 1;
  }

  /** Most important first; ties by name. */
  private static Map<String, Double> sorted(Map<String, Double> importances) {
    Map<String, Double> out = new LinkedHashMap<>();
    importances.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return java.util.Collections.unmodifiableMap(out);
  }
}
