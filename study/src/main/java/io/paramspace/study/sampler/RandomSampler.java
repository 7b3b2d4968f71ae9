package io.paramspace.study.sampler;

import io.paramspace.runtime.CategoricalSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.runtime.Distribution.CategoricalDistribution;
import io.paramspace.runtime.Distribution.FloatDistribution;
import io.paramspace.runtime.Distribution.IntDistribution;
import io.paramspace.runtime.FloatSpace;
import io.paramspace.runtime.IntSpace;
import io.paramspace.runtime.RandomTrial;
import io.paramspace.runtime.Rng;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Sampler;
import io.paramspace.study.StudyContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Independent uniform sampling, seeded per trial and parameter: the value of parameter {@code
 * name} in trial {@code n} is drawn from a fresh {@link Rng} seeded with {@link #seedOf(long, int,
 * String)} of (study seed, n, name), with the runtime's formulas ({@link RandomTrial}). So the
 * same study seed gives the same parameters per trial number whatever the number of workers, the
 * order in which trials finish, or the parameters fixed by an enqueued config. Categorical
 * choices keep their space's weights. {@link #RandomSampler(long)} draws from its own seed
 * instead of the study's (a sampler with a seed option falls back on it).
 */
public final class RandomSampler implements Sampler {
  private final Long seed;

  /** Seeded by the study. */
  public RandomSampler() {
    this.seed = null;
  }

  /** Seeded by {@code seed} in place of the study's seed. */
  public RandomSampler(long seed) {
    this.seed = seed;
  }

  @Override
  public double sampleIndependent(StudyContext study, FrozenTrial trial, String name, Distribution distribution) {
    long s = seed != null ? seed : study.seed();
    RandomTrial draw = new RandomTrial(new Rng(seedOf(s, trial.number(), name)));
    if (distribution instanceof FloatDistribution f) {
      return draw.suggestFloat(name, new FloatSpace(f.low(), f.high(), f.log(), f.step() == null ? 0 : f.step()));
    }
    if (distribution instanceof IntDistribution i) {
      return draw.suggestInt(name, new IntSpace(i.low(), i.high(), i.log(), i.step()));
    }
    CategoricalDistribution c = (CategoricalDistribution) distribution;
    List<Integer> indices = new ArrayList<>(c.choices().size());
    double[] weights = new double[c.choices().size()];
    for (int k = 0; k < weights.length; k++) {
      indices.add(k);
      weights[k] = c.weights().get(k);
    }
    return draw.suggestCategorical(name, CategoricalSpace.weighted(indices, weights));
  }

  /**
   * The seed of one draw: SplitMix64's finalizer over the study seed, the trial number and the
   * FNV-1a hash of the parameter name's UTF-8 bytes, each mixed in turn. Specified here because
   * it decides which values a seed gives.
   */
  public static long seedOf(long studySeed, int trialNumber, String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return mix(mix(mix(studySeed) ^ trialNumber) ^ h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
