package io.paramspace.samplers;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Rng;
import io.paramspace.runtime.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One proposal of {@link Tpe}: the history read, split, fitted, and the best candidate chosen. */
final class TpeEngine {
  private final Tpe options;
  private final ConfigSpace<?> space;
  /** The space's distributions: also the key under which observations remember their values. */
  private final Map<String, io.paramspace.runtime.Distribution> distributions;
  private final Map<String, Param> byName;
  private final Param[] params;

  // The usable observations, in history order.
  private int count;
  private double[][] values;
  private Observation.State[] states;
  /** The loss: the objective value times the direction's sign (NaN possible with nanAsWorst). */
  private double[] loss;
  private long[] steps;
  private boolean[] hasValue;
  /** With several objectives (MOTPE): each observation's losses; null with one objective. */
  private double[][] losses;
  /** A complete observation that violates the constraints of a constrained history (Optuna's c-split). */
  private boolean[] infeasible;
  private double[] violation;
  /** MOTPE: the good observations' weights by hypervolume contribution, by observation index. */
  private double[] goodWeight;
  /**
   * The active parameter sets of the observations read (finished ones, also those the model leaves
   * out, and running ones with the liar), each mapped to whether a running one has it: proposals
   * avoid them.
   */
  private Map<Point, Boolean> observed = Map.of();

  /** What one proposal computed, for tests. */
  record Result(Proposal proposal, List<double[]> candidates, double[] logL, double[] logG, int chosen,
      Parzen below, Parzen above) {}

  private TpeEngine(Tpe options, ConfigSpace<?> space) {
    this.options = options;
    this.space = space;
    this.distributions = space.distributions();
    this.byName = Param.of(distributions);
    this.params = Param.array(byName);
  }

  static Result propose(Tpe options, ConfigSpace<?> space, List<Observation> history, Direction direction,
      Rng rng) {
    return propose(options, space, history, List.of(direction), rng);
  }

  /** One objective per direction: with several, MOTPE (see {@link Tpe}). */
  static Result propose(Tpe options, ConfigSpace<?> space, List<Observation> history, List<Direction> directions,
      Rng rng) {
    if (directions.isEmpty()) {
      throw new IllegalArgumentException("TPE needs at least one direction");
    }
    TpeEngine engine = new TpeEngine(options, space);
    engine.read(history, directions);
    return engine.propose(rng);
  }

  /** The good set of a history (by usable observation) and MOTPE's weights of it (null with one objective). */
  record Split(boolean[] below, double[] goodWeight) {}

  /** How {@link #propose} would split {@code history} with {@code gamma(n)} good trials: for tests. */
  static Split split(Tpe options, ConfigSpace<?> space, List<Observation> history, List<Direction> directions) {
    TpeEngine engine = new TpeEngine(options, space);
    engine.read(history, directions);
    boolean[] below = engine.split(options.gamma().applyAsInt(engine.finished()));
    return new Split(below, engine.goodWeight);
  }

  // ---- reading the history ------------------------------------------------------------------

  private void read(List<Observation> history, List<Direction> directions) {
    int n = history.size();
    int objectives = directions.size();
    values = new double[n][];
    states = new Observation.State[n];
    loss = new double[n];
    steps = new long[n];
    hasValue = new boolean[n];
    losses = objectives > 1 ? new double[n][] : null;
    infeasible = new boolean[n];
    violation = new double[n];
    observed = new HashMap<>(Math.max(16, 2 * n));
    boolean constrained = false;
    for (Observation o : history) {
      constrained |= o.state() == Observation.State.COMPLETE && !o.constraints().isEmpty();
    }
    double sign = directions.get(0).sign();
    int c = 0;
    for (Observation o : history) {
      Observation.State state = o.state();
      double l = 0;
      double[] ls = null;
      boolean has = !o.values().isEmpty();
      // Seen before the model's filters: a trial left out for its NaN value need not be run again.
      double[] v = state == Observation.State.RUNNING && !options.constantLiar() ? null
          : o.internalValues(distributions, params);
      if (v != null) {
        observed.merge(new Point(v), state == Observation.State.RUNNING, Boolean::logicalOr);
      }
      switch (state) {
        case RUNNING -> {
          if (!options.constantLiar()) {
            continue;
          }
        }
        case COMPLETE -> {
          if (o.values().size() != objectives) {
            throw new IllegalArgumentException("a complete observation has " + o.values().size() + " values for the "
                + objectives + " objective(s) " + directions + "; give TPE one direction per objective");
          }
          if (objectives > 1) {
            // MOTPE: a NaN value leaves the trial out (nanAsWorst is for one objective).
            ls = new double[objectives];
            boolean nan = false;
            for (int k = 0; k < objectives; k++) {
              ls[k] = directions.get(k).sign() * o.values().get(k);
              nan |= Double.isNaN(ls[k]);
            }
            if (nan) {
              continue;
            }
          } else {
            l = o.values().get(0);
            if (Double.isNaN(l) && !options.nanAsWorst()) {
              continue;
            }
            l *= sign;
          }
        }
        case PRUNED -> {
          if (has && objectives == 1) {
            l = o.values().get(0);
            // Optuna: a NaN intermediate value ranks as +inf (worst) among its step.
            l = Double.isNaN(l) ? Double.POSITIVE_INFINITY : sign * l;
          }
        }
      }
      if (v == null) {
        continue; // outside the current space
      }
      values[c] = v;
      states[c] = state;
      loss[c] = l;
      steps[c] = o.step();
      hasValue[c] = has; // with several objectives a pruned trial's loss stays 0: it ranks by its step only
      if (losses != null) {
        losses[c] = ls;
      }
      if (constrained && state == Observation.State.COMPLETE) {
        violation[c] = o.violation();
        infeasible[c] = violation[c] > 0;
      }
      c++;
    }
    count = c;
  }

  /** Number of finished (complete or pruned) usable observations. */
  private int finished() {
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (states[i] != Observation.State.RUNNING) {
        n++;
      }
    }
    return n;
  }

  // ---- proposing ----------------------------------------------------------------------------

  private Result propose(Rng rng) {
    int n = finished();
    if (n < options.nStartupTrials() || n == 0) {
      return new Result(randomProposal(rng), List.of(), new double[0], new double[0], -1, null, null);
    }
    boolean[] below = split(options.gamma().applyAsInt(n));
    if (!options.multivariate()) {
      return independent(below, rng);
    }
    if (options.groups()) {
      return grouped(below, rng);
    }
    Parzen l = fit(below, true);
    Parzen g = fit(below, false);
    int[] blockOf = new int[params.length];
    if (blocks(blockOf) > 1) {
      return alongTheTree(l, g, blockOf, rng);
    }
    return joint(l, g, rng);
  }

  /**
   * Whole configurations drawn from l's components, scored by the joint l/g: the best that repeats
   * no observation (see {@link Tpe}).
   */
  private Result joint(Parzen l, Parzen g, Rng rng) {
    int round = options.nEiCandidates();
    List<double[]> drawn = new ArrayList<>(round);
    List<int[]> actives = new ArrayList<>(round);
    double[] logL = new double[round];
    double[] logG = new double[round];
    Parzen.Scratch sl = l.scratch();
    Parzen.Scratch sg = g.scratch();
    int best = -1; // the best candidate that repeats no observation
    int fallback = -1; // the best that repeats no running one
    double bestScore = Double.NEGATIVE_INFINITY;
    double fallbackScore = Double.NEGATIVE_INFINITY;
    // More rounds only while every candidate repeats a trial: on a grid, l may concentrate on seen points.
    for (int r = 0; r < ROUNDS && best < 0; r++) {
      if (r > 0) {
        logL = Arrays.copyOf(logL, (r + 1) * round);
        logG = Arrays.copyOf(logG, (r + 1) * round);
      }
      for (int c = r * round; c < (r + 1) * round; c++) {
        CandidateTrial trial = new CandidateTrial(l, l.pickComponent(rng.nextDouble()), rng);
        space.sample(trial);
        drawn.add(trial.values);
        int[] active = Arrays.copyOf(trial.active, trial.activeCount);
        actives.add(active);
        logL[c] = l.logDensity(trial.values, active, active.length, sl);
        logG[c] = g.logDensity(trial.values, active, active.length, sg);
        double score = logL[c] - logG[c];
        Seen repeat = seen(trial.values);
        if (repeat == Seen.NEW && (best < 0 || score > bestScore)) {
          best = c;
          bestScore = score;
        }
        if (repeat != Seen.RUNNING && (fallback < 0 || score > fallbackScore)) {
          fallback = c;
          fallbackScore = score;
        }
      }
    }
    // A small discrete space may be exhausted: then repeat a finished trial, as a last resort a running one.
    int chosen = best >= 0 ? best : fallback;
    if (chosen < 0) {
      return new Result(randomProposal(rng), drawn, logL, logG, -1, l, g);
    }
    Proposal proposal = new Proposal(toMap(drawn.get(chosen), actives.get(chosen)), Proposal.Origin.TPE);
    return new Result(proposal, drawn, logL, logG, chosen, l, g);
  }

  /**
   * Marks the good observations: the {@code nBelow} best complete ones, then (if too few) the best
   * pruned ones by (later step first, then value), as Optuna's {@code _split_trials}; running ones
   * are never good.
   */
  private boolean[] split(int nBelow) {
    boolean[] below = new boolean[count];
    int taken = losses != null ? selectMultiObjective(below, nBelow)
        : select(below, nBelow, Observation.State.COMPLETE);
    taken += select(below, nBelow - taken, Observation.State.PRUNED);
    selectInfeasible(below, nBelow - taken);
    if (losses != null) {
      goodWeight = hypervolumeWeights(below);
    }
    return below;
  }

  /**
   * MOTPE's split of the feasible complete observations (Optuna's {@code
   * _split_complete_trials_multi_objective}): whole non-domination ranks while they fit in {@code
   * k}, then the rest of the next rank by greedy hypervolume subset selection ({@link Hssp})
   * against that rank's {@link Hypervolume#nadirReference}. Marks them; returns how many.
   */
  private int selectMultiObjective(boolean[] below, int k) {
    List<Integer> eligible = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (states[i] == Observation.State.COMPLETE && !infeasible[i]) {
        eligible.add(i);
      }
    }
    k = Math.min(k, eligible.size());
    if (k <= 0) {
      return 0;
    }
    List<int[]> fronts = NonDominatedSorting.fronts(eligible.size(),
        (a, b) -> NonDominatedSorting.dominates(losses[eligible.get(a)], losses[eligible.get(b)]));
    int taken = 0;
    for (int[] front : fronts) {
      if (taken + front.length <= k) {
        for (int f : front) {
          below[eligible.get(f)] = true;
        }
        taken += front.length;
        if (taken == k) {
          break;
        }
        continue;
      }
      List<double[]> points = new ArrayList<>(front.length);
      for (int f : front) {
        points.add(losses[eligible.get(f)]);
      }
      for (int chosen : Hssp.select(points, k - taken, Hypervolume.nadirReference(points))) {
        below[eligible.get(front[chosen])] = true;
      }
      taken = k;
      break;
    }
    return taken;
  }

  /** Marks up to {@code k} infeasible complete observations, smallest violation first (ties: history order). */
  private void selectInfeasible(boolean[] below, int k) {
    if (k <= 0) {
      return;
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (infeasible[i]) {
        candidates.add(i);
      }
    }
    candidates.sort((a, b) -> Double.compare(violation[a], violation[b]));
    for (int j = 0; j < Math.min(k, candidates.size()); j++) {
      below[candidates.get(j)] = true;
    }
  }

  /**
   * MOTPE's weights of the good set (Optuna's {@code _calculate_weights_below_for_multi_objective}):
   * each feasible complete good observation's hypervolume contribution among them (against their
   * {@link Hypervolume#nadirReference}), plus 1e-12, over the largest; 1 if it is the only one;
   * 1e-12 for good observations outside the hypervolume (infeasible or pruned).
   */
  private double[] hypervolumeWeights(boolean[] below) {
    double[] w = new double[count];
    List<Integer> members = new ArrayList<>();
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (!below[i]) {
        continue;
      }
      if (states[i] == Observation.State.COMPLETE && !infeasible[i]) {
        members.add(i);
        points.add(losses[i]);
      } else {
        w[i] = EPS;
      }
    }
    if (members.size() == 1) {
      w[members.get(0)] = 1;
    } else if (members.size() > 1) {
      double[] contribution = Hypervolume.contributions(points, Hypervolume.nadirReference(points));
      double max = 0;
      boolean finite = true;
      for (int j = 0; j < contribution.length; j++) {
        contribution[j] += EPS;
        max = Math.max(max, contribution[j]);
        finite &= Double.isFinite(contribution[j]);
      }
      for (int j = 0; j < contribution.length; j++) {
        // An infinite value (told by ask-and-tell) makes volumes infinite: then every good trial weighs 1.
        w[members.get(j)] = finite ? Math.min(1, contribution[j] / max) : 1;
      }
    }
    return w;
  }

  private static final double EPS = 1e-12;

  /** Marks up to {@code k} best observations of {@code state}; returns how many it marked. */
  private int select(boolean[] below, int k, Observation.State state) {
    if (k <= 0) {
      return 0;
    }
    int[] best = new int[k];
    int size = 0;
    for (int i = 0; i < count; i++) {
      if (states[i] != state || infeasible[i]) {
        continue;
      }
      if (size < k) {
        int pos = size++;
        while (pos > 0 && better(i, best[pos - 1], state)) {
          best[pos] = best[pos - 1];
          pos--;
        }
        best[pos] = i;
      } else if (better(i, best[k - 1], state)) {
        int pos = k - 1;
        while (pos > 0 && better(i, best[pos - 1], state)) {
          best[pos] = best[pos - 1];
          pos--;
        }
        best[pos] = i;
      }
    }
    for (int j = 0; j < size; j++) {
      below[best[j]] = true;
    }
    return size;
  }

  /** {@code true} if observation {@code a} ranks strictly before {@code b} (ties keep history order). */
  private boolean better(int a, int b, Observation.State state) {
    if (state == Observation.State.PRUNED) {
      // Optuna's key: (-step, value) with a trial that reported nothing as (1, 0).
      double sa = hasValue[a] ? -steps[a] : 1;
      double sb = hasValue[b] ? -steps[b] : 1;
      if (sa != sb) {
        return sa < sb;
      }
    }
    return lossLess(loss[a], loss[b]);
  }

  /** Loss order with NaN (only with nanAsWorst) after everything. */
  private static boolean lossLess(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    if (Double.isNaN(b)) {
      return true;
    }
    return a < b;
  }

  /** The estimator of the good set ({@code good}) or of the rest. */
  private Parzen fit(boolean[] below, boolean good) {
    return fit(below, good, null);
  }

  /**
   * The estimator of the good set or of the rest; with {@code group}, only of the observations
   * that have every parameter of the group, and only of those parameters.
   */
  private Parzen fit(boolean[] below, boolean good, boolean[] group) {
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (below[i] == good) {
        n++;
      }
    }
    double[][] set = new double[n][];
    int[] members = new int[n];
    int j = 0;
    for (int i = 0; i < count; i++) {
      if (below[i] == good && (group == null || hasAll(values[i], group))) {
        members[j] = i;
        set[j++] = group == null ? values[i] : masked(values[i], group);
      }
    }
    if (j < n) {
      n = j;
      set = Arrays.copyOf(set, n);
      members = Arrays.copyOf(members, n);
    }
    double[] w = good && goodWeight != null ? pick(goodWeight, members) : weights(n);
    double priorWeight = options.priorWeight();
    if (good && goodWeight == null) {
      double[] improvement = improvements(below, members);
      if (improvement != null) {
        double mean = 0;
        for (int k = 0; k < n; k++) {
          w[k] *= improvement[k];
          mean += improvement[k] / n;
        }
        priorWeight *= mean;
      }
    }
    return new Parzen(params, set, w, priorWeight, options, good);
  }

  private static double[] pick(double[] byObservation, int[] members) {
    double[] w = new double[members.length];
    for (int k = 0; k < members.length; k++) {
      w[k] = byObservation[members[k]];
    }
    return w;
  }

  private static boolean hasAll(double[] v, boolean[] group) {
    for (int p = 0; p < v.length; p++) {
      if (group[p] && Double.isNaN(v[p])) {
        return false;
      }
    }
    return true;
  }

  private static double[] masked(double[] v, boolean[] group) {
    double[] m = v.clone();
    for (int p = 0; p < m.length; p++) {
      if (!group[p]) {
        m[p] = Double.NaN;
      }
    }
    return m;
  }

  // ---- Optuna's group decomposition ---------------------------------------------------------

  /**
   * Optuna's {@code group=True}: the parameters split into groups that are active in exactly the
   * same trials; each group is drawn and scored on its own (jointly within it) when the space
   * first asks one of its parameters; a parameter no trial had is drawn from the prior.
   */
  private Result grouped(boolean[] below, Rng rng) {
    int[] groupOf = new int[params.length];
    int n = blocks(groupOf);
    List<boolean[]> groups = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      groups.add(new boolean[params.length]);
    }
    for (Param p : params) {
      groups.get(groupOf[p.index])[p.index] = true;
    }
    double[][] chosen = new double[groups.size()][];
    Recorder trial = firstNew(ATTEMPTS, () -> {
      Arrays.fill(chosen, null);
      return new Recorder() {
        @Override
        double draw(Param p) {
          int g = groupOf[p.index];
          if (chosen[g] == null) {
            chosen[g] = drawGroup(groups.get(g), below, rng, this);
          }
          return chosen[g][p.index];
        }
      };
    });
    return new Result(tpeProposal(trial), List.of(), new double[0], new double[0], -1, null, null);
  }

  /**
   * Numbers the blocks of parameters: those active in exactly the same usable trials share a
   * block (Optuna's groups). Returns the number of blocks; {@code blockOf} gets each parameter's.
   */
  private int blocks(int[] blockOf) {
    Map<String, Integer> bySignature = new java.util.HashMap<>();
    char[] signature = new char[count];
    for (Param p : params) {
      for (int i = 0; i < count; i++) {
        signature[i] = Double.isNaN(values[i][p.index]) ? '0' : '1';
      }
      String key = new String(signature);
      Integer b = bySignature.get(key);
      if (b == null) {
        b = bySignature.size();
        bySignature.put(key, b);
      }
      blockOf[p.index] = b;
    }
    return bySignature.size();
  }

  /**
   * The joint model, one block at a time along the tree: when the space first asks a parameter of
   * a block, {@code nEiCandidates} values of the whole block are drawn from l's conditional given
   * the blocks chosen so far (its components reweighted by how well they explain those values),
   * and the one with the best conditional ratio l/g is taken; then both mixtures' component
   * weights are updated with it. With a single block this is the plain joint draw.
   */
  private Result alongTheTree(Parzen l, Parzen g, int[] blockOf, Rng rng) {
    Recorder trial = firstNew(ATTEMPTS, () -> new BlockTrial(l, g, blockOf, rng));
    if (seen(trial.values) != Seen.NEW) {
      // Blocks are chosen greedily, so the good branch wins every time: whole candidates can take another.
      Result whole = joint(l, g, rng);
      if (whole.chosen() >= 0 && seen(whole.candidates().get(whole.chosen())) == Seen.NEW) {
        return whole;
      }
    }
    return new Result(tpeProposal(trial), List.of(), new double[0], new double[0], -1, l, g);
  }

  private final class BlockTrial extends Recorder {
    private final Parzen l;
    private final Parzen g;
    private final int[] blockOf;
    private final Rng rng;
    private final double[] postL;
    private final double[] postG;
    private double postLPrior;
    private double postGPrior;
    private final Parzen.Scratch sl;
    private final Parzen.Scratch sg;
    private final double[] tmpL;
    private final double[] tmpG;
    private final double[] cumulative;
    private final double[] chosen;
    private final boolean[] drawn;

    BlockTrial(Parzen l, Parzen g, int[] blockOf, Rng rng) {
      this.l = l;
      this.g = g;
      this.blockOf = blockOf;
      this.rng = rng;
      postL = l.logWeight.clone();
      postG = g.logWeight.clone();
      postLPrior = l.logPriorWeight;
      postGPrior = g.logPriorWeight;
      sl = l.scratch();
      sg = g.scratch();
      tmpL = new double[l.n];
      tmpG = new double[g.n];
      cumulative = new double[l.n + 1];
      chosen = new double[params.length];
      drawn = new boolean[params.length];
    }

    @Override
    double draw(Param p) {
      if (!drawn[p.index]) {
        drawBlock(blockOf[p.index]);
      }
      return chosen[p.index];
    }

    private void drawBlock(int block) {
      int[] members = new int[params.length];
      int n = 0;
      for (int q = 0; q < params.length; q++) {
        if (blockOf[q] == block) {
          members[n++] = q;
        }
      }
      // The posterior over l's components, for drawing.
      double max = postLPrior;
      for (int i = 0; i < l.n; i++) {
        max = Math.max(max, postL[i]);
      }
      double total = 0;
      for (int i = 0; i < l.n; i++) {
        total += Math.exp(postL[i] - max);
        cumulative[i] = total;
      }
      total += Math.exp(postLPrior - max);
      cumulative[l.n] = Double.POSITIVE_INFINITY;
      double[] best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      double[] x = new double[params.length];
      int[] blockMembers = Arrays.copyOf(members, n);
      double[][] candidates = new double[options.nEiCandidates()][];
      double[] scores = new double[candidates.length];
      for (int c = 0; c < options.nEiCandidates(); c++) {
        int component = ParamKernels.firstAbove(cumulative, rng.nextDouble() * total);
        for (int a = 0; a < n; a++) {
          int q = members[a];
          ParamKernels k = l.kernels[q];
          if (component >= l.n) {
            x[q] = k.sample(-1, rng);
          } else {
            int slot = l.slot(q, component);
            x[q] = slot >= 0 ? k.sample(slot, rng) : k.sampleMarginal(rng);
          }
        }
        System.arraycopy(postL, 0, tmpL, 0, l.n);
        System.arraycopy(postG, 0, tmpG, 0, g.n);
        double pl = postLPrior;
        double pg = postGPrior;
        for (int a = 0; a < n; a++) {
          int q = members[a];
          pl += l.addLogFactor(q, x[q], tmpL, sl);
          pg += g.addLogFactor(q, x[q], tmpG, sg);
        }
        double score = Parzen.logSumExp(tmpL, l.n, pl) - Parzen.logSumExp(tmpG, g.n, pg);
        candidates[c] = new double[n];
        for (int a = 0; a < n; a++) {
          candidates[c][a] = x[members[a]];
        }
        scores[c] = score;
        if (best == null || score > bestScore) {
          best = x.clone();
          bestScore = score;
        }
      }
      drew(blockMembers, candidates, scores);
      for (int a = 0; a < n; a++) {
        int q = members[a];
        chosen[q] = best[q];
        drawn[q] = true;
        postLPrior += l.addLogFactor(q, best[q], postL, sl);
        postGPrior += g.addLogFactor(q, best[q], postG, sg);
      }
    }
  }

  /**
   * The best of {@code nEiCandidates} draws of the group's parameters from its own l, by its l/g;
   * all of them noted in {@code trial}.
   */
  private double[] drawGroup(boolean[] group, boolean[] below, Rng rng, Recorder trial) {
    Parzen l = fit(below, true, group);
    Parzen g = fit(below, false, group);
    int[] active = new int[params.length];
    int n = 0;
    for (int p = 0; p < params.length; p++) {
      if (group[p]) {
        active[n++] = p;
      }
    }
    Parzen.Scratch sl = l.scratch();
    Parzen.Scratch sg = g.scratch();
    double[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    double[][] candidates = new double[options.nEiCandidates()][];
    double[] scores = new double[candidates.length];
    for (int c = 0; c < options.nEiCandidates(); c++) {
      int component = l.pickComponent(rng.nextDouble());
      double[] x = new double[params.length];
      Arrays.fill(x, Double.NaN);
      for (int a = 0; a < n; a++) {
        int p = active[a];
        ParamKernels k = l.kernels[p];
        x[p] = component < 0 ? k.sample(-1, rng) : k.sample(component, rng); // every member has them all
      }
      double score = l.logDensity(x, active, n, sl) - g.logDensity(x, active, n, sg);
      candidates[c] = new double[n];
      for (int a = 0; a < n; a++) {
        candidates[c][a] = x[active[a]];
      }
      scores[c] = score;
      if (best == null || score > bestScore) {
        best = x;
        bestScore = score;
      }
    }
    trial.drew(Arrays.copyOf(active, n), candidates, scores);
    return best;
  }

  /**
   * With {@code improvementPower} {@code q > 0}, each good trial's improvement over the best bad
   * complete trial, {@code (threshold - loss)^q} (the difference at least 1e-12), for the good
   * observations {@code members}; null when the weighting does not apply (off, a good trial that is
   * not complete or not finite, or no finite threshold).
   */
  private double[] improvements(boolean[] below, int[] members) {
    double power = options.improvementPower();
    if (power == 0 || members.length == 0) {
      return null;
    }
    double threshold = Double.POSITIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      if (!below[i] && states[i] == Observation.State.COMPLETE && !infeasible[i] && loss[i] < threshold) {
        threshold = loss[i];
      }
    }
    if (!Double.isFinite(threshold)) {
      return null;
    }
    double[] improvement = new double[members.length];
    for (int k = 0; k < members.length; k++) {
      int i = members[k];
      if (states[i] != Observation.State.COMPLETE || infeasible[i] || !Double.isFinite(loss[i])) {
        return null;
      }
      double gain = Math.max(1e-12, threshold - loss[i]);
      improvement[k] = power == 2 ? gain * gain : Math.pow(gain, power);
    }
    return improvement;
  }

  private double[] weights(int n) {
    double[] w = options.weights().apply(n).clone();
    if (w.length < n) {
      throw new IllegalArgumentException("the weights function gave " + w.length + " weights for " + n + " trials");
    }
    for (int i = 0; i < n; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new IllegalArgumentException("weights must be finite and >= 0, got " + w[i]);
      }
    }
    return w.length == n ? w : Arrays.copyOf(w, n);
  }

  // ---- repeats ------------------------------------------------------------------------------

  /** Whether some observation read has exactly these parameters, and if so whether a running one. */
  private enum Seen { NEW, FINISHED, RUNNING }

  /** Rounds of {@code nEiCandidates} candidates while all repeat a trial. */
  private static final int ROUNDS = 4;
  /** Whole draws (along the tree, by groups, independent) while they repeat a trial. */
  private static final int ATTEMPTS = 9;

  private Seen seen(double[] v) {
    Boolean running = observed.isEmpty() ? null : observed.get(new Point(v));
    return running == null ? Seen.NEW : running ? Seen.RUNNING : Seen.FINISHED;
  }

  /**
   * Up to {@code attempts} draws, each a fresh recorder walked through the space: the first that
   * repeats no observation, or its {@link Recorder#alternative}; failing that the first that repeats
   * no running one, else the last.
   */
  private Recorder firstNew(int attempts, Supplier<? extends Recorder> recorder) {
    Recorder fallback = null;
    Recorder trial = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      trial = recorder.get();
      space.sample(trial);
      Seen repeat = seen(trial.values);
      if (repeat == Seen.NEW) {
        return trial;
      }
      Recorder other = trial.alternative();
      if (other != null) {
        return other;
      }
      if (fallback == null && repeat == Seen.FINISHED) {
        fallback = trial;
      }
    }
    return fallback != null ? fallback : trial;
  }

  private Proposal tpeProposal(Recorder trial) {
    return new Proposal(toMap(trial.values, Arrays.copyOf(trial.active, trial.activeCount)), Proposal.Origin.TPE);
  }

  /**
   * A configuration's values by parameter index (NaN where inactive), compared exactly: a discrete
   * value by its grid index, so that a stored value a rounding away from the grid still matches.
   */
  private final class Point {
    private final double[] v;
    private final int hash;

    Point(double[] v) {
      this.v = v;
      int h = 1;
      for (Param p : params) {
        h = 31 * h + Double.hashCode(key(p, v[p.index]));
      }
      hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Point that) || that.hash != hash) {
        return false;
      }
      for (Param p : params) {
        double a = key(p, v[p.index]);
        double b = key(p, that.v[p.index]);
        if (a != b && !(Double.isNaN(a) && Double.isNaN(b))) {
          return false;
        }
      }
      return true;
    }
  }

  /** The value {@link Point} compares: a discrete one's grid index, 0 for -0. */
  private static double key(Param p, double v) {
    if (p.kind == Param.Kind.DISCRETE && !Double.isNaN(v)) {
      return Math.rint((v - p.low) / p.step);
    }
    return v == 0 ? 0 : v;
  }

  private Map<String, Double> toMap(double[] v, int[] active) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int p : active) {
      map.put(params[p].name, v[p]);
    }
    return map;
  }

  private Param param(String name) {
    Param p = byName.get(name);
    if (p == null) {
      throw new IllegalStateException("the space asked for '" + name + "', which is not among its distributions "
          + byName.keySet());
    }
    return p;
  }

  // ---- random start-up ----------------------------------------------------------------------

  private Proposal randomProposal(Rng rng) {
    Recorder trial = firstNew(101, () -> new RecordingTrial(new RandomTrial(rng)));
    return new Proposal(toMap(trial.values, Arrays.copyOf(trial.active, trial.activeCount)), Proposal.Origin.RANDOM);
  }

  // ---- independent (univariate) TPE ----------------------------------------------------------

  private Result independent(boolean[] below, Rng rng) {
    Map<Integer, ParamKernels[]> fitted = new HashMap<>();
    Recorder trial = firstNew(ATTEMPTS, () -> new IndependentTrial(below, fitted, rng));
    return new Result(tpeProposal(trial), List.of(), new double[0], new double[0], -1, null, null);
  }

  /** The univariate estimators of {@code p}: over the good, and the other, observations that have it. */
  private ParamKernels[] univariate(Param p, boolean[] below) {
    ParamKernels[] pair = new ParamKernels[2];
    for (int side = 0; side < 2; side++) {
      boolean good = side == 0;
      int m = 0;
      for (int i = 0; i < count; i++) {
        if (below[i] == good && !Double.isNaN(values[i][p.index])) {
          m++;
        }
      }
      double[] v = new double[m];
      int[] obs = new int[m];
      int[] members = new int[m];
      int j = 0;
      for (int i = 0; i < count; i++) {
        if (below[i] == good && !Double.isNaN(values[i][p.index])) {
          obs[j] = j;
          members[j] = i;
          v[j++] = values[i][p.index];
        }
      }
      double[] w = good && goodWeight != null ? pick(goodWeight, members) : weights(m);
      double priorWeight = options.priorWeight();
      double[] improvement = good && goodWeight == null ? improvements(below, members) : null;
      if (improvement != null) {
        double mean = 0;
        for (int k = 0; k < m; k++) {
          w[k] *= improvement[k];
          mean += improvement[k] / m;
        }
        priorWeight *= mean;
      }
      // One clip for both sides: a smoother g (badClipExponent) helps the joint model, but scored
      // one parameter at a time it lets each collapse onto the best value (Hartmann-6 -3.10 -> -2.45).
      pair[side] = new ParamKernels(p, v, obs, new int[0], w, priorWeight, options, 1, options.magicClipExponent());
    }
    return pair;
  }

  // ---- trials -------------------------------------------------------------------------------

  /** Records the internal value of every answer, by parameter index, and the order of questions. */
  private abstract class Recorder implements Trial {
    final double[] values = new double[params.length];
    final int[] active = new int[params.length];
    int activeCount;
    // The last unit drawn (a block, a group or one parameter): its members, candidates and scores.
    private int[] lastMembers;
    private double[][] lastCandidates;
    private double[] lastScores;

    Recorder() {
      Arrays.fill(values, Double.NaN);
    }

    /** The internal value to answer for {@code p}. */
    abstract double draw(Param p);

    /** Notes the candidates of a unit just drawn: {@code candidates[c][a]} is member {@code a}'s value. */
    void drew(int[] members, double[][] candidates, double[] scores) {
      lastMembers = members;
      lastCandidates = candidates;
      lastScores = scores;
    }

    /**
     * For a walk that repeats an observation: the same walk with the last unit's best candidate
     * that makes it new (the main path's rule, for the unit chosen last), or null if none does or
     * the walk would then leave the units drawn.
     */
    Recorder alternative() {
      if (lastMembers == null) {
        return null;
      }
      Integer[] order = new Integer[lastScores.length];
      for (int c = 0; c < order.length; c++) {
        order[c] = c;
      }
      Arrays.sort(order, (a, b) -> Double.compare(lastScores[b], lastScores[a]));
      for (int c : order) {
        double[] answers = values.clone();
        for (int a = 0; a < lastMembers.length; a++) {
          answers[lastMembers[a]] = lastCandidates[c][a];
        }
        Replay replay = new Replay(answers);
        space.sample(replay);
        if (!replay.off && seen(replay.values) == Seen.NEW) {
          return replay;
        }
      }
      return null;
    }

    private double answer(String name) {
      Param p = param(name);
      double v = draw(p);
      if (Double.isNaN(values[p.index])) {
        active[activeCount++] = p.index;
      }
      values[p.index] = v;
      return v;
    }

    @Override
    public double suggestFloat(String name, FloatSpace s) {
      return answer(name);
    }

    @Override
    public long suggestInt(String name, IntSpace s) {
      return Math.round(answer(name));
    }

    @Override
    public <T> T suggestCategorical(String name, CategoricalSpace<T> s) {
      return s.choices().get((int) answer(name));
    }
  }

  /** Answers fixed values; {@code off} if the space asked a parameter without one. */
  private final class Replay extends Recorder {
    private final double[] answers;
    boolean off;

    Replay(double[] answers) {
      this.answers = answers;
    }

    @Override
    double draw(Param p) {
      double v = answers[p.index];
      if (Double.isNaN(v)) {
        off = true;
        return p.low; // any valid value: this walk is discarded
      }
      return v;
    }
  }

  /** Draws from one component of the good set's estimator, along the tree the space walks. */
  private final class CandidateTrial extends Recorder {
    private final Parzen l;
    private final int component;
    private final Rng rng;

    CandidateTrial(Parzen l, int component, Rng rng) {
      this.l = l;
      this.component = component;
      this.rng = rng;
    }

    @Override
    double draw(Param p) {
      ParamKernels k = l.kernels[p.index];
      if (component < 0) {
        return k.sample(-1, rng);
      }
      int slot = l.slot(p.index, component);
      return slot >= 0 ? k.sample(slot, rng) : k.sampleMarginal(rng);
    }
  }

  /** The space's own random draws (Optuna's start-up), recorded. */
  private final class RecordingTrial extends Recorder {
    private final RandomTrial random;

    RecordingTrial(RandomTrial random) {
      this.random = random;
    }

    @Override
    double draw(Param p) {
      throw new AssertionError(); // answered below, by the space's own formulas
    }

    @Override
    public double suggestFloat(String name, FloatSpace s) {
      return record(name, random.suggestFloat(name, s));
    }

    @Override
    public long suggestInt(String name, IntSpace s) {
      return Math.round(record(name, random.suggestInt(name, s)));
    }

    @Override
    public <T> T suggestCategorical(String name, CategoricalSpace<T> s) {
      T choice = random.suggestCategorical(name, s);
      record(name, s.choices().indexOf(choice));
      return choice;
    }

    private double record(String name, double v) {
      Param p = param(name);
      if (Double.isNaN(values[p.index])) {
        active[activeCount++] = p.index;
      }
      values[p.index] = v;
      return v;
    }
  }

  /** Optuna's independent TPE: each parameter by its own univariate l/g, as the space asks it. */
  private final class IndependentTrial extends Recorder {
    private final boolean[] below;
    private final Map<Integer, ParamKernels[]> fitted;
    private final Rng rng;

    IndependentTrial(boolean[] below, Map<Integer, ParamKernels[]> fitted, Rng rng) {
      this.below = below;
      this.fitted = fitted;
      this.rng = rng;
    }

    @Override
    double draw(Param p) {
      ParamKernels[] pair = fitted.computeIfAbsent(p.index, i -> univariate(p, below));
      ParamKernels l = pair[0];
      ParamKernels g = pair[1];
      double[] cell = new double[2];
      double[] sl = new double[l.m];
      double[] sg = new double[g.m];
      double best = Double.NaN;
      double bestScore = Double.NEGATIVE_INFINITY;
      double[][] candidates = new double[options.nEiCandidates()][];
      double[] scores = new double[candidates.length];
      for (int c = 0; c < options.nEiCandidates(); c++) {
        double v = l.sampleMarginal(rng);
        double score = l.logMarginal(v, cell, sl) - g.logMarginal(v, cell, sg);
        candidates[c] = new double[] {v};
        scores[c] = score;
        if (Double.isNaN(best) || score > bestScore) {
          best = v;
          bestScore = score;
        }
      }
      drew(new int[] {p.index}, candidates, scores);
      return best;
    }
  }
}
