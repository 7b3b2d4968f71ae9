package io.paramspace.samplers;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * The tree-structured Parzen estimator (TPE; Bergstra et al. 2011, as Optuna implements it) over a
 * {@link ConfigSpace}, modelled jointly along the space's tree. Immutable options and a pure
 * function: {@link #propose} takes the space, the history and a random source and returns a {@link
 * Proposal}; nothing is kept between calls, so a study may run it in many workers over one storage.
 *
 * <pre>{@code
 * Tpe tpe = Tpe.defaults();                                   // multivariate; Optuna's defaults but three
 * Proposal next = tpe.propose(space, history, Direction.MINIMIZE, new Rng(seed));
 * TrainingConfig config = space.sample(next.trial());         // or next.config(space)
 * }</pre>
 *
 * <h2>The algorithm</h2>
 *
 * <ol>
 *   <li><b>History.</b> Complete trials count by their value, pruned ones by their last
 *       intermediate value, running ones (with the constant liar) as the worst. Failed trials are
 *       not passed; a complete trial whose value is NaN is left out, or ranked last with {@link
 *       Builder#nanAsWorst}. A trial with a parameter value the current distribution does not
 *       contain (a space narrowed since: outside the range, off the grid, a dropped choice) is
 *       skipped <em>as a whole</em>, since its other values were chosen for a point that is no longer
 *       in the space; a parameter the space no longer has (fixed by an override) is ignored.
 *   <li><b>Start-up.</b> While fewer than {@code nStartupTrials} usable trials have finished, the
 *       proposal is a random draw from the space's own distribution (the formulas of {@link
 *       io.paramspace.runtime.RandomTrial}).
 *   <li><b>Split</b> (Optuna's {@code _split_trials}). With {@code n} finished trials, the {@code
 *       gamma(n)} best complete trials are the good set (then the best pruned ones, by later step
 *       first, then value, if there are too few); all others, and the running ones, the bad set.
 *       Within each set observations keep history order and get {@code weights(size)}: by default
 *       1 for the 25 most recent, ramping down linearly to {@code 1/size} for the oldest. By
 *       default ({@code improvementPower} 2) a good trial's weight is also multiplied by the square
 *       of its improvement over the best bad complete trial, {@code (threshold - loss)^2}, and the
 *       prior's by their mean, so the best trials lead (Watanabe 2023's "EI" weighting is power 1);
 *       this depends on the ratios of the values' differences, not on their scale or offset.
 *   <li><b>Model.</b> Each set is a mixture: one component per observation plus a prior component
 *       of weight {@code priorWeight}. A component is a product, over the parameters active in a
 *       configuration, of one-dimensional kernels: truncated Gaussians for floats (in log space for
 *       log ones), their mass over the value's grid cell for ints and steps, Optuna's categorical
 *       kernel (mostly the observed choice, the rest spread by the prior) for choices. The prior
 *       component uses wide kernels: a Gaussian centred in the range with the range as sigma, and the
 *       space's choice weights. Bandwidths: see {@link Bandwidth}; by default each kernel's sigma is
 *       the larger gap to its neighbours, as in Optuna 5.0, and the "magic clip" keeps it above
 *       {@code range * max(0.01, (m + 2)^-1.5)} for {@code m} kernels, where Optuna's clip is {@code
 *       range / min(100, m + 2)} (exponent 1); for the continuous parameters of the bad set the
 *       exponent is 0.75 ({@link Builder#badClipExponent}), so g stays smooth as bad trials
 *       accumulate.
 *   <li><b>Candidates.</b> {@code nEiCandidates} configurations are drawn from the good set's
 *       mixture, and the one with the largest {@code log l(x) - log g(x)} is proposed (block by
 *       block along the tree in conditional spaces, see below); a candidate equal to a finished or
 *       running trial's parameters is passed over (see "No repeats").
 * </ol>
 *
 * <p><b>No repeats.</b> Running a configuration again wastes a trial of a deterministic objective,
 * so a candidate whose active parameters (in internal form, a discrete value by its grid index)
 * equal those of an observation read is passed over: a finished trial's (also one left out of the
 * model for its NaN value) or, with the constant liar, a running one's. The best candidate that
 * repeats no observation is proposed; while every candidate repeats one, up to three more rounds of
 * {@code nEiCandidates} are drawn. Where a draw is a greedy choice per part (block by block along
 * the tree, and the groups and independent modes), the part drawn last takes its best candidate
 * that makes the point new, else the whole draw is made again, up to 9 times; along the tree
 * whole candidates as above come last. If nothing new turns up (a small discrete space may be
 * exhausted) the best candidate that repeats a finished trial is proposed, before one that repeats
 * a running trial; random start-up draws follow the same rule (up to 101 draws). Grids are where
 * this acts: with the defaults' narrow kernels l concentrates on the best points and the kernels'
 * grid cells hand them back (on Hartmann-6 with each coordinate on an 11-point grid, 43% of one
 * worker's 200 trials repeated an earlier trial before, none now, at the same median best; Optuna
 * 3.1: 1%; BENCHMARKS.md section 7). On a continuous space equal values do not occur, so the
 * proposals are the model's own: the same as without the rule.
 *
 * <p>The three departures from Optuna's settings (improvement weights, clip exponent 1.5, and 0.75
 * for g's continuous kernels; {@link Builder#optunaSettings()} undoes all three) were chosen on
 * seeds disjoint from the benchmark's 0-19. The first two: over 200 seeds of 100 trials each, the
 * median best went from 0.420 to 0.401 on Branin, from -3.178 to -3.263 on Hartmann-6 (runs below
 * -3.25 from 18% to 56%, over 400 other seeds), from 5.3e-6 to 8.3e-7 on optuna#5299, and a 2-D
 * Rastrigin, a 6-D sphere and a 6-D Ackley function improved too; a faster clip (exponent 2)
 * exploits more and loses on the multimodal ones. The third: with g's kernels clipped as l's, g
 * follows the gaps between bad points and l/g rewards those gaps; clipped more gently it is a
 * smooth background and l/g follows l. Over 4,000 seeds (2000-5999; {@code TpeOptionsBenchmark}
 * in benchmarks/) Hartmann-6's runs below -3.25 went from 54% to 60%, optuna#5299's median from
 * 8.4e-7 to 2.5e-8, Branin's from 0.4014 to 0.3990, the sphere and Ackley improved, TrainingConfig
 * stayed level, and two lost, as it exploits more: the 2-D Rastrigin (1.31 to 2.03; Optuna's
 * settings 2.30) and the 10-D Rosenbrock (703 to 1,293; Optuna's settings 3,183). It applies to
 * neither discrete parameters (on TrainingConfig's integers it cost 0.053 to 0.080) nor the
 * independent mode (scored one parameter at a time, each collapsed onto its best value:
 * Hartmann-6 -3.10 to -2.45). On a space without conditions, {@code optunaSettings()} gives
 * Optuna's own estimator (5.0's): for the same observations its densities agree with Optuna's to
 * 1e-8.
 *
 * <h2>Conditional and polymorphic spaces: one joint model along the tree</h2>
 *
 * <p>Optuna's multivariate TPE models the parameters that every trial has; with {@code group=True}
 * it splits the rest into groups modelled independently of each other, which loses the correlation
 * between a shared parameter and a branch's own ones (optuna#5299). Here a component of the mixture
 * is an <em>observation</em>, and it is a distribution over the whole tree-structured space:
 *
 * <ul>
 *   <li>The density of a configuration {@code x} under a set is {@code sum_i w_i prod_{j active in
 *       x} K_ij(x_j)}, where {@code K_ij} is observation {@code i}'s kernel for {@code j}, or, when
 *       {@code i} lacked {@code j} (it took another branch), the marginal of {@code j} in the set:
 *       the mixture of the kernels of the observations that had it, plus the prior. So each
 *       component integrates to one over the tree, parameters of branches {@code x} does not take
 *       do not appear, and a branch's parameters learn from that branch's trials.
 *   <li>A parameter's kernels (centres and bandwidths) are fitted only on the trials in which it
 *       was active.
 *   <li>Candidates follow the tree. The parameters split into blocks that were active in exactly
 *       the same trials (Optuna's groups: for #5299 the choice with the shared float, and each
 *       branch's float). When the space ({@code space.sample}, in its own order, only along the
 *       active path) first asks a parameter of a block, {@code nEiCandidates} values of the block
 *       are drawn from l's <em>conditional</em> given the blocks chosen so far, that is from the
 *       components reweighted by how well they explain those values ({@code w_i prod K_ij(x_j)}
 *       over the chosen {@code j}), each candidate from one component's kernels (or the marginal,
 *       for a parameter the component lacked); the candidate with the best conditional ratio
 *       {@code l(x_B | x_chosen) / g(x_B | x_chosen)} is taken, and both mixtures' component weights
 *       are updated with it. A branch's own values thus come from the observations whose shared
 *       values match the ones chosen, which keeps their correlation, where Optuna's groups draw
 *       them blind to each other. A categorical kernel may switch branch; the new branch's values
 *       then come from the observations that took it.
 *   <li>With one block (no conditional parameter seen yet) this is the plain multivariate draw:
 *       {@code nEiCandidates} whole configurations from l, the best {@code l/g}.
 * </ul>
 *
 * <p>Optuna's group decomposition is available as {@link Builder#groups} for comparison: on
 * #5299 over 4,000 seeds (2000-5999) it reaches a median of 3.0e-8 with the defaults and 1.1e-5
 * with {@link Builder#optunaSettings()}, the joint model 2.5e-8 and 6.3e-6 (seeds 0-19: groups
 * 1.2e-8 and 1.4e-5, joint 6.8e-8 and 1.2e-6). The margin is small with the defaults: l
 * concentrates on the best trial, whose kernels put a branch's value near its shared value
 * whether drawn jointly or not; on seeds 0-19 the groups are ahead.
 *
 * <p>With {@code multivariate(false)} each parameter is instead drawn and scored on its own, by
 * univariate estimators over the trials that had it (Optuna's independent TPE).
 *
 * <h2>Several objectives (MOTPE) and constraints</h2>
 *
 * <p>{@link #propose(ConfigSpace, List, List, Rng)} with several directions is Optuna's
 * multi-objective TPE (Ozaki et al. 2020, 2022), with this TPE's estimator otherwise unchanged:
 *
 * <ul>
 *   <li><b>Split.</b> The {@code gamma(n)} good trials are whole non-domination ranks of the
 *       complete trials (objectives turned to losses), the last rank that does not fit whole cut
 *       by greedy hypervolume subset selection ({@link Hssp}) against that rank's worst point
 *       pushed out by 10% ({@link Hypervolume#nadirReference}); then pruned trials by their step.
 *   <li><b>Weights.</b> A good trial's weight is its hypervolume contribution within the good set
 *       (exact, {@link Hypervolume}), over the largest; the bad set keeps {@code weights(n)}. The
 *       improvement weighting ({@link Builder#improvementPower}) is for one objective and is not
 *       applied.
 *   <li>A complete trial with a NaN value is left out.
 * </ul>
 *
 * <p>Constraints (Optuna's {@code constraints_func}, any number of objectives): when complete
 * observations carry constraint values ({@link Observation#constraints()}), the infeasible ones
 * (a positive value, or none reported) are good only if there are too few feasible complete and
 * pruned trials, smallest total violation first, and weigh 1e-12 in MOTPE's good set.
 *
 * <p>Determinism: the proposal is a function of the options, the space, the history and the
 * random source. {@link #propose(ConfigSpace, List, Direction)} seeds the source from {@code seed}
 * and the history's size.
 *
 * <p>Batches: {@link #proposeBatch} proposes {@code count} points one after another, each earlier
 * one added to the history as a running trial, so (with the constant liar) they repel each other
 * and never repeat.
 */
public final class Tpe {

  /** How the kernels' bandwidths (sigmas) are chosen for numeric parameters. */
  public enum Bandwidth {
    /**
     * Optuna's rule (its univariate one, which Optuna 5.0 also uses for multivariate TPE): each
     * kernel's sigma is the larger gap to its neighbours among the sorted centres of its set, the
     * range's ends counting as neighbours when {@code considerEndpoints}; clipped to {@code [range *
     * max(0.01, (m + 2)^-e), range]} ({@code m} kernels, {@code e} the {@code magicClipExponent},
     * 1 in Optuna) with {@code considerMagicClip}.
     */
    NEIGHBOURS,
    /**
     * Optuna 3's multivariate rule (Scott's rule as in BOHB): {@code sigma = 0.2 range m^(-1/(d +
     * 4))} for all kernels of a parameter, {@code d} the number of parameters; clipped as above.
     */
    SCOTT
  }

  private static final Tpe DEFAULTS = new Builder().build();

  private final int nStartupTrials;
  private final int nEiCandidates;
  private final IntUnaryOperator gamma;
  private final IntFunction<double[]> weights;
  private final double priorWeight;
  private final boolean considerMagicClip;
  private final boolean considerEndpoints;
  private final boolean multivariate;
  private final boolean groups;
  private final boolean constantLiar;
  private final boolean nanAsWorst;
  private final Bandwidth bandwidth;
  private final double magicClipExponent;
  private final double badClipExponent;
  private final double improvementPower;
  private final long seed;

  private Tpe(Builder b) {
    this.nStartupTrials = b.nStartupTrials;
    this.nEiCandidates = b.nEiCandidates;
    this.gamma = b.gamma;
    this.weights = b.weights;
    this.priorWeight = b.priorWeight;
    this.considerMagicClip = b.considerMagicClip;
    this.considerEndpoints = b.considerEndpoints;
    this.multivariate = b.multivariate;
    this.groups = b.groups;
    this.constantLiar = b.constantLiar;
    this.nanAsWorst = b.nanAsWorst;
    this.bandwidth = b.bandwidth;
    this.magicClipExponent = b.magicClipExponent;
    this.badClipExponent = b.badClipExponent;
    this.improvementPower = b.improvementPower;
    this.seed = b.seed;
  }

  /** The default options (see {@link Builder}). */
  public static Tpe defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  // ---- proposing ----------------------------------------------------------------------------

  /**
   * The next point to evaluate.
   *
   * @param space the space to propose in (a generated space, or one narrowed from it)
   * @param history the study's trials in creation order (failed ones left out)
   * @param direction whether smaller or larger values are better
   * @param rng the random source; the proposal is a function of its state and the other arguments
   * @throws IllegalArgumentException if a complete observation has more than one value (use
   *     {@link #propose(ConfigSpace, List, List, Rng)} for several objectives)
   * @throws IllegalStateException if {@code space} was built by hand, without generated access (it
   *     cannot sample)
   */
  public Proposal propose(ConfigSpace<?> space, List<Observation> history, Direction direction, Rng rng) {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(rng, "rng");
    return TpeEngine.propose(this, space, history, direction, rng).proposal();
  }

  /**
   * The next point for a study with one objective per direction: with several, MOTPE (see the
   * class comment); with one, the same as {@link #propose(ConfigSpace, List, Direction, Rng)}.
   *
   * @throws IllegalArgumentException if {@code directions} is empty, or a complete observation has
   *     another number of values than there are directions
   */
  public Proposal propose(ConfigSpace<?> space, List<Observation> history, List<Direction> directions, Rng rng) {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(rng, "rng");
    return TpeEngine.propose(this, space, history, List.copyOf(directions), rng).proposal();
  }

  /**
   * As {@link #propose(ConfigSpace, List, Direction, Rng)} with the random source seeded from
   * {@link #seed()} and the size of the history: the same seed and history give the same point.
   */
  public Proposal propose(ConfigSpace<?> space, List<Observation> history, Direction direction) {
    return propose(space, history, direction, new Rng(mix(seed, history.size())));
  }

  /**
   * {@code count} points to evaluate at once, proposed one after another with each earlier one
   * added to the history as a running trial: with the constant liar they count as bad, so the
   * model moves away from them, and no point repeats a running one (nor, while the space has room,
   * a finished one).
   */
  public List<Proposal> proposeBatch(ConfigSpace<?> space, List<Observation> history, Direction direction, Rng rng,
      int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    List<Observation> extended = new ArrayList<>(history.size() + count);
    extended.addAll(history);
    List<Proposal> proposals = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Proposal p = propose(space, extended, direction, rng);
      proposals.add(p);
      extended.add(p.asRunning());
    }
    return proposals;
  }

  /** SplitMix64's finalizer over the seed and a counter. */
  private static long mix(long seed, long n) {
    long z = seed + 0x9E3779B97F4A7C15L * (n + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // ---- Optuna's default functions -----------------------------------------------------------

  /** Optuna's {@code default_gamma}: {@code min(ceil(0.1 n), 25)} good trials of {@code n}. */
  public static int defaultGamma(int n) {
    return Math.min((int) Math.ceil(0.1 * n), 25);
  }

  /**
   * Optuna's {@code default_weights}: for {@code n < 25} all ones; otherwise the oldest {@code n -
   * 25} ramp linearly from {@code 1/n} to 1 ({@code numpy.linspace(1/n, 1, n - 25)}) and the 25 most
   * recent weigh 1.
   */
  public static double[] defaultWeights(int n) {
    double[] w = new double[n];
    if (n < 25) {
      Arrays.fill(w, 1.0);
      return w;
    }
    int ramp = n - 25;
    double start = 1.0 / n;
    for (int i = 0; i < ramp; i++) {
      w[i] = ramp == 1 ? start : start + (1.0 - start) * i / (ramp - 1);
    }
    Arrays.fill(w, ramp, n, 1.0);
    return w;
  }

  // ---- options ------------------------------------------------------------------------------

  public int nStartupTrials() {
    return nStartupTrials;
  }

  public int nEiCandidates() {
    return nEiCandidates;
  }

  public IntUnaryOperator gamma() {
    return gamma;
  }

  public IntFunction<double[]> weights() {
    return weights;
  }

  public double priorWeight() {
    return priorWeight;
  }

  public boolean considerMagicClip() {
    return considerMagicClip;
  }

  public boolean considerEndpoints() {
    return considerEndpoints;
  }

  public boolean multivariate() {
    return multivariate;
  }

  /** Optuna's group decomposition instead of the joint model (see {@link Builder#groups}). */
  public boolean groups() {
    return groups;
  }

  public boolean constantLiar() {
    return constantLiar;
  }

  public boolean nanAsWorst() {
    return nanAsWorst;
  }

  public Bandwidth bandwidth() {
    return bandwidth;
  }

  public double magicClipExponent() {
    return magicClipExponent;
  }

  /** The magic clip's exponent for the bad set's continuous parameters (see {@link Builder#badClipExponent}). */
  public double badClipExponent() {
    return badClipExponent;
  }

  public double improvementPower() {
    return improvementPower;
  }

  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "Tpe[nStartupTrials=" + nStartupTrials + ", nEiCandidates=" + nEiCandidates + ", priorWeight="
        + priorWeight + ", considerMagicClip=" + considerMagicClip + ", considerEndpoints=" + considerEndpoints
        + ", multivariate=" + multivariate + ", groups=" + groups + ", constantLiar=" + constantLiar
        + ", nanAsWorst=" + nanAsWorst + ", bandwidth=" + bandwidth + ", magicClipExponent=" + magicClipExponent
        + ", badClipExponent=" + badClipExponent + ", improvementPower=" + improvementPower + ", seed=" + seed + "]";
  }

  /**
   * Options, starting from the defaults: Optuna's TPE defaults ({@code n_startup_trials=10}, {@code
   * n_ei_candidates=24}, {@code gamma=min(ceil(0.1 n), 25)}, the ramped weights, {@code
   * prior_weight=1}, magic clip on, {@code consider_endpoints=False}), with multivariate sampling
   * and the constant liar on, NaN values left out, seed 0, and three departures chosen on held-out
   * seeds (see {@link Tpe}): {@code improvementPower(2)}, {@code magicClipExponent(1.5)} and {@code
   * badClipExponent(0.75)}, which {@link #optunaSettings()} undoes.
   */
  public static final class Builder {
    private int nStartupTrials = 10;
    private int nEiCandidates = 24;
    private IntUnaryOperator gamma = Tpe::defaultGamma;
    private IntFunction<double[]> weights = Tpe::defaultWeights;
    private double priorWeight = 1.0;
    private boolean considerMagicClip = true;
    private boolean considerEndpoints = false;
    private boolean multivariate = true;
    private boolean groups = false;
    private boolean constantLiar = true;
    private boolean nanAsWorst = false;
    private Bandwidth bandwidth = Bandwidth.NEIGHBOURS;
    private double magicClipExponent = 1.5;
    private double badClipExponent = 0.75;
    private double improvementPower = 2;
    private long seed = 0;

    private Builder() {}

    private Builder(Tpe t) {
      nStartupTrials = t.nStartupTrials;
      nEiCandidates = t.nEiCandidates;
      gamma = t.gamma;
      weights = t.weights;
      priorWeight = t.priorWeight;
      considerMagicClip = t.considerMagicClip;
      considerEndpoints = t.considerEndpoints;
      multivariate = t.multivariate;
      groups = t.groups;
      constantLiar = t.constantLiar;
      nanAsWorst = t.nanAsWorst;
      bandwidth = t.bandwidth;
      magicClipExponent = t.magicClipExponent;
      badClipExponent = t.badClipExponent;
      improvementPower = t.improvementPower;
      seed = t.seed;
    }

    /** Random proposals until this many usable trials have finished (default 10). */
    public Builder nStartupTrials(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("nStartupTrials must be >= 0, got " + n);
      }
      nStartupTrials = n;
      return this;
    }

    /** Candidates drawn from l(x) per proposal (default 24). */
    public Builder nEiCandidates(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("nEiCandidates must be >= 1, got " + n);
      }
      nEiCandidates = n;
      return this;
    }

    /** The number of good trials among {@code n} finished ones (default {@link Tpe#defaultGamma}). */
    public Builder gamma(IntUnaryOperator gamma) {
      this.gamma = Objects.requireNonNull(gamma, "gamma");
      return this;
    }

    /**
     * The weights of a set's {@code n} observations, oldest first (default {@link
     * Tpe#defaultWeights}); at least {@code n} finite non-negative numbers.
     */
    public Builder weights(IntFunction<double[]> weights) {
      this.weights = Objects.requireNonNull(weights, "weights");
      return this;
    }

    /** The prior component's weight, against weight 1 for a recent observation (default 1). */
    public Builder priorWeight(double w) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("priorWeight must be finite and >= 0, got " + w);
      }
      priorWeight = w;
      return this;
    }

    /** Clip bandwidths from below by {@code range / min(100, m + 2)} (default on). */
    public Builder considerMagicClip(boolean on) {
      considerMagicClip = on;
      return this;
    }

    /** Let the range's ends widen the outermost kernels (default off). */
    public Builder considerEndpoints(boolean on) {
      considerEndpoints = on;
      return this;
    }

    /** One joint model along the tree (default), or each parameter on its own. */
    public Builder multivariate(boolean on) {
      multivariate = on;
      return this;
    }

    /**
     * With {@code multivariate}, Optuna's group decomposition ({@code group=True}) instead of the one
     * joint model: parameters active in exactly the same trials form a group, and each group is
     * drawn and scored on its own, so a shared parameter and a branch's own ones are modelled
     * apart (default off; for comparison).
     */
    public Builder groups(boolean on) {
      groups = on;
      return this;
    }

    /** Count running trials as bad ones (default on). */
    public Builder constantLiar(boolean on) {
      constantLiar = on;
      return this;
    }

    /** Rank complete trials with a NaN value last instead of leaving them out (default off). */
    public Builder nanAsWorst(boolean on) {
      nanAsWorst = on;
      return this;
    }

    /** How bandwidths are chosen (default {@link Bandwidth#NEIGHBOURS}). */
    public Builder bandwidth(Bandwidth bandwidth) {
      this.bandwidth = Objects.requireNonNull(bandwidth, "bandwidth");
      return this;
    }

    /**
     * How fast the magic clip lets bandwidths shrink: the smallest sigma of {@code m} kernels is
     * {@code range * max(0.01, (m + 2)^-exponent)} (default 1.5; Optuna's rule is 1, {@code range /
     * min(100, m + 2)}), for the good set's kernels and the bad set's discrete ones. See {@link Tpe}
     * for why 1.5.
     */
    public Builder magicClipExponent(double exponent) {
      magicClipExponent = clipExponent("magicClipExponent", exponent);
      return this;
    }

    /**
     * The magic clip's exponent for the bad set's continuous parameters (default 0.75; Optuna uses
     * one rule for both sets): a smoother g, whose kernels stay wider as bad trials accumulate, so
     * that l/g follows l rather than the gaps between bad points. See {@link Tpe} for why 0.75.
     * Chosen on spaces of two to six continuous parameters: on ten (a 10-D sphere, Ackley and
     * Rosenbrock function) 1.0 did better than both 0.75 and 1.5 (BENCHMARKS.md section 4).
     */
    public Builder badClipExponent(double exponent) {
      badClipExponent = clipExponent("badClipExponent", exponent);
      return this;
    }

    private static double clipExponent(String option, double exponent) {
      if (!(exponent > 0) || Double.isInfinite(exponent)) {
        throw new IllegalArgumentException(option + " must be finite and > 0, got " + exponent);
      }
      return exponent;
    }

    /**
     * Weigh each good trial also by {@code (threshold - loss)^power}, its improvement over the best
     * bad complete trial, and the prior by their mean (default 2; 0 turns it off, as in Optuna,
     * which weighs good trials by age only). See {@link Tpe}.
     */
    public Builder improvementPower(double power) {
      if (!(power >= 0) || Double.isInfinite(power)) {
        throw new IllegalArgumentException("improvementPower must be finite and >= 0, got " + power);
      }
      improvementPower = power;
      return this;
    }

    /**
     * Optuna's settings where this TPE departs from them: {@code magicClipExponent(1)}, {@code
     * badClipExponent(1)} and {@code improvementPower(0)}; with the default multivariate mode, on a
     * space without conditions, this is Optuna 5.0's multivariate TPE (the same estimator: its
     * densities agree with Optuna's to 1e-8).
     */
    public Builder optunaSettings() {
      magicClipExponent = 1;
      badClipExponent = 1;
      improvementPower = 0;
      return this;
    }

    /** The seed of {@link Tpe#propose(ConfigSpace, List, Direction)} (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Tpe build() {
      return new Tpe(this);
    }
  }
}
