package io.paramspace.study.sampler;

import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Distribution.FloatDistribution;
import io.paramspace.runtime.Distribution.IntDistribution;
import io.paramspace.runtime.Rng;
import io.paramspace.samplers.CmaEs;
import io.paramspace.study.Direction;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Sampler;
import io.paramspace.study.StudyContext;
import io.paramspace.study.TrialState;
import io.paramspace.study.storage.PythonJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The study's adapter of {@link CmaEs} (CMA-ES with IPOP restarts, the samplers module), with
 * the defaults of Optuna's {@code CmaEsSampler}: one start-up trial, the unit cube's centre as
 * {@code x0}, {@code sigma0} 1/6 of its range, population {@code 4 + floor(3 ln n)}. One default
 * differs: IPOP restarts (population doubled) are on, where Optuna's {@code restart_strategy} is
 * off; without them a stagnated run keeps drawing from a collapsed distribution, trial after trial.
 * A search space of one parameter is searched too (Optuna 3.1 falls back on independent sampling).
 *
 * <ul>
 *   <li><b>Search space</b> (Optuna's relative search space): the int and float parameters that
 *       every usable trial so far has, single-valued ones left out, in name order. Categoricals,
 *       the parameters of branches some trial did not take, and everything until {@code
 *       nStartupTrials} trials have completed come from the {@link RandomSampler}, independently.
 *   <li><b>Storage-free.</b> Each trial CMA-ES proposes gets the system attribute {@value
 *       #ATTRIBUTE}, {@code [restart, generation]}; every ask replays the optimizer from the study's
 *       seed and the tagged trials of the history (see {@link CmaEs}), so workers sharing a study
 *       agree and nothing else is stored.
 *   <li><b>Trials used</b>: complete ones; with {@link Builder#considerPrunedTrials} also pruned
 *       ones by their last finite intermediate value (Optuna's {@code consider_pruned_trials}).
 *       Failed trials never; a generation waits until it has {@code lambda} usable trials.
 *   <li><b>Seeds.</b> Trial n's point is drawn from {@code Rng(RandomSampler.seedOf(seed, n,
 *       "cmaes"))}, restarts start from the seed too, and the independent draws are the random
 *       sampler's with that seed; the seed is the builder's, or else the study's. One worker
 *       reproduces a study from its seed.
 * </ul>
 */
public final class CmaEsSampler implements Sampler {
  /** The system attribute that tags a trial with its restart and generation. */
  public static final String ATTRIBUTE = "paramspace:cma";

  private final CmaEs cma;
  private final Long seed;
  private final int nStartupTrials;
  private final boolean considerPrunedTrials;
  private final RandomSampler fallback;

  /** Optuna's defaults, seeded by the study. */
  public CmaEsSampler() {
    this(builder());
  }

  private CmaEsSampler(Builder b) {
    this.cma = b.cma.build();
    this.seed = b.seed;
    this.nStartupTrials = b.nStartupTrials;
    this.considerPrunedTrials = b.considerPrunedTrials;
    this.fallback = b.seed != null ? new RandomSampler(b.seed) : new RandomSampler();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyContext study, FrozenTrial trial) {
    if (study.directions().size() != 1) {
      throw new IllegalStateException("CmaEsSampler optimizes one objective; study '" + study.studyName() + "' has "
          + study.directions().size() + " directions (use a multi-objective sampler)");
    }
    List<FrozenTrial> usable = new ArrayList<>();
    for (FrozenTrial t : study.history()) {
      if (loss(t) != null) {
        usable.add(t);
      }
    }
    if (usable.isEmpty() || usable.size() < nStartupTrials) {
      return Map.of();
    }
    SortedMap<String, Distribution> space = new TreeMap<>();
    study.distributions().forEach((name, d) -> {
      if (searchable(d)) {
        space.put(name, d);
      }
    });
    for (FrozenTrial t : usable) {
      space.keySet().retainAll(t.params().keySet());
    }
    return new LinkedHashMap<>(space);
  }

  @Override
  public Map<String, Double> sampleRelative(StudyContext study, FrozenTrial trial,
      Map<String, Distribution> searchSpace) {
    List<FrozenTrial> sorted = new ArrayList<>(study.history());
    sorted.sort((a, b) -> Integer.compare(a.number(), b.number()));
    List<CmaEs.Evaluated> history = new ArrayList<>(sorted.size());
    for (FrozenTrial t : sorted) {
      Double value = loss(t);
      int[] tag = tag(t);
      if (value != null && tag != null) {
        history.add(new CmaEs.Evaluated(t.params(), value, tag[0], tag[1]));
      }
    }
    long s = seed != null ? seed : study.seed();
    io.paramspace.samplers.Direction direction = study.directions().get(0) == Direction.MINIMIZE
        ? io.paramspace.samplers.Direction.MINIMIZE : io.paramspace.samplers.Direction.MAXIMIZE;
    Rng rng = new Rng(RandomSampler.seedOf(s, trial.number(), "cmaes"));
    CmaEs.Ask ask = cma.toBuilder().seed(s).build().ask(searchSpace, history, direction, rng);
    study.setTrialSystemAttribute(trial, ATTRIBUTE, PythonJson.write(List.of(ask.restart(), ask.generation())));
    return ask.params();
  }

  @Override
  public double sampleIndependent(StudyContext study, FrozenTrial trial, String name, Distribution distribution) {
    return fallback.sampleIndependent(study, trial, name, distribution);
  }

  /** Ints and floats with more than one value: what CMA-ES can search. */
  private static boolean searchable(Distribution d) {
    if (d instanceof FloatDistribution f) {
      return f.high() > f.low();
    }
    return d instanceof IntDistribution i && i.high() > i.low();
  }

  /** The value CMA-ES learns from: a complete trial's, or a pruned one's last finite intermediate value. */
  private Double loss(FrozenTrial t) {
    if (t.state() == TrialState.COMPLETE && t.values().size() == 1) {
      return t.values().get(0);
    }
    if (considerPrunedTrials && t.state() == TrialState.PRUNED && !t.intermediateValues().isEmpty()) {
      double last = t.intermediateValues().get(t.intermediateValues().lastKey());
      return Double.isFinite(last) ? last : null;
    }
    return null;
  }

  /** The {@code [restart, generation]} of a trial CMA-ES proposed, or null. */
  static int[] tag(FrozenTrial t) {
    String json = t.systemAttributes().get(ATTRIBUTE);
    if (json == null) {
      return null;
    }
    if (PythonJson.read(json) instanceof List<?> list && list.size() == 2
        && list.get(0) instanceof Number r && list.get(1) instanceof Number g) {
      return new int[] {r.intValue(), g.intValue()};
    }
    return null; // written by something else: the trial takes no part, as an untagged one
  }

  /** Options: Optuna's defaults unless set. */
  public static final class Builder {
    private final CmaEs.Builder cma = CmaEs.builder();
    private Long seed;
    private int nStartupTrials = 1;
    private boolean considerPrunedTrials;

    private Builder() {}

    /** Points per generation of the first run ({@code >= 2}), or 0 for {@code 4 + floor(3 ln n)}. */
    public Builder populationSize(int lambda) {
      cma.populationSize(lambda);
      return this;
    }

    /** The initial step size in the unit cube, in (0, 1]; default 1/6. */
    public Builder sigma0(double sigma) {
      cma.sigma0(sigma);
      return this;
    }

    /** IPOP restarts on stagnation (default on, the population doubled each time). */
    public Builder restarts(boolean on) {
      cma.restarts(on);
      return this;
    }

    /** The factor of the population at each restart (default 2). */
    public Builder incPopsize(int factor) {
      cma.incPopsize(factor);
      return this;
    }

    /** The seed of the draws and restarts; default the study's seed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Trials drawn independently before CMA-ES starts ({@code >= 0}; default 1, as in Optuna). */
    public Builder nStartupTrials(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("nStartupTrials must be >= 0, got " + n);
      }
      this.nStartupTrials = n;
      return this;
    }

    /** Pruned trials count by their last intermediate value (Optuna's consider_pruned_trials; default off). */
    public Builder considerPrunedTrials(boolean on) {
      this.considerPrunedTrials = on;
      return this;
    }

    public CmaEsSampler build() {
      return new CmaEsSampler(this);
    }
  }
}
