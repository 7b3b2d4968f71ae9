package io.paramspace.samplers;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Rng;
import io.paramspace.samplers.spaces.Branin;
import io.paramspace.samplers.spaces.BraninSpace;
import io.paramspace.samplers.spaces.Issue5299;
import io.paramspace.samplers.spaces.Issue5299Space;
import io.paramspace.samplers.spaces.Mixed;
import io.paramspace.samplers.spaces.MixedSpace;
import io.paramspace.samplers.spaces.Tiny;
import io.paramspace.samplers.spaces.TinySpace;
import io.paramspace.samplers.spaces.Training;
import io.paramspace.samplers.spaces.TrainingSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TpeTest {
  private static final ConfigSpace<Branin> BRANIN = BraninSpace.space();
  private static final ConfigSpace<Issue5299> ISSUE = Issue5299Space.space();

  /** A history of {@code n} trials proposed by {@code tpe} itself on {@code objective}. */
  private static <T> List<Observation> run(Tpe tpe, ConfigSpace<T> space, ToDoubleFunction<T> objective, int n) {
    List<Observation> history = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Proposal p = tpe.propose(space, history, Direction.MINIMIZE);
      history.add(Observation.complete(p.params(), objective.applyAsDouble(p.config(space))));
    }
    return history;
  }

  private static List<Observation> randomHistory(ConfigSpace<Branin> space, int n, long seed) {
    Rng rng = new Rng(seed);
    List<Observation> history = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Branin b = space.random(rng);
      history.add(Observation.complete(Map.of("Branin.x1", b.x1(), "Branin.x2", b.x2()), b.value()));
    }
    return history;
  }

  // ---- start-up and the model's choice ------------------------------------------------------

  @Test
  void startsWithRandomPointsThenUsesTheModel() {
    List<Observation> history = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      Proposal p = Tpe.defaults().propose(BRANIN, history, Direction.MINIMIZE);
      assertThat(p.origin()).isEqualTo(i < 10 ? Proposal.Origin.RANDOM : Proposal.Origin.TPE);
      history.add(Observation.complete(p.params(), p.config(BRANIN).value()));
    }
  }

  @Test
  void randomStartUpDrawsAreTheSpacesOwnDraws() {
    Rng a = new Rng(99);
    Proposal p = Tpe.defaults().propose(BRANIN, List.of(), Direction.MINIMIZE, a);
    assertThat(p.config(BRANIN)).isEqualTo(BRANIN.random(new Rng(99)));
  }

  @Test
  void proposesTheCandidateWithTheBestRatio() {
    List<Observation> history = randomHistory(BRANIN, 40, 1);
    TpeEngine.Result r = TpeEngine.propose(Tpe.defaults(), BRANIN, history, Direction.MINIMIZE, new Rng(5));
    assertThat(r.candidates()).hasSize(24);
    int best = 0;
    for (int c = 1; c < 24; c++) {
      if (r.logL()[c] - r.logG()[c] > r.logL()[best] - r.logG()[best]) {
        best = c;
      }
    }
    assertThat(r.chosen()).isEqualTo(best);
    double[] chosen = r.candidates().get(best);
    assertThat(r.proposal().params()).containsExactly("Branin.x1", chosen[0], "Branin.x2", chosen[1]).inOrder();
    // And the scores are the estimators' densities at the candidates.
    Parzen.Scratch s = r.below().scratch();
    int[] active = {0, 1};
    for (int c = 0; c < 24; c++) {
      assertThat(r.logL()[c]).isEqualTo(r.below().logDensity(r.candidates().get(c), active, 2, s));
    }
    // gamma(40) = 4 good trials, the rest bad.
    assertThat(r.below().n).isEqualTo(4);
    assertThat(r.above().n).isEqualTo(36);
  }

  @Test
  void theGoodSetIsTheBestTrialsAndFollowsTheDirection() {
    List<Observation> history = randomHistory(BRANIN, 30, 2);
    double[] sorted = history.stream().mapToDouble(Observation::value).sorted().toArray();
    TpeEngine.Result min = TpeEngine.propose(Tpe.defaults(), BRANIN, history, Direction.MINIMIZE, new Rng(1));
    assertThat(goodValues(min, history)).containsExactly(sorted[0], sorted[1], sorted[2]);
    TpeEngine.Result max = TpeEngine.propose(Tpe.defaults(), BRANIN, history, Direction.MAXIMIZE, new Rng(1));
    assertThat(goodValues(max, history)).containsExactly(sorted[29], sorted[28], sorted[27]);
  }

  /** The objective values of the observations whose x1 is a kernel centre of the good set. */
  private static Set<Double> goodValues(TpeEngine.Result r, List<Observation> history) {
    Set<Double> centres = new HashSet<>();
    for (double mu : r.below().kernels[0].mu) {
      centres.add(mu);
    }
    Set<Double> values = new HashSet<>();
    for (Observation o : history) {
      if (centres.contains(o.params().get("Branin.x1"))) {
        values.add(o.value());
      }
    }
    return values;
  }

  @Test
  void goodTrialsWeighBySquaredImprovementOverTheBestBadOne() {
    List<Observation> history = randomHistory(BRANIN, 40, 3);
    TpeEngine.Result r = TpeEngine.propose(Tpe.defaults(), BRANIN, history, Direction.MINIMIZE, new Rng(1));
    double[] sorted = history.stream().mapToDouble(Observation::value).sorted().toArray();
    double threshold = sorted[4]; // gamma(40) = 4 good trials; the best bad one is the fifth
    double[] improvement = new double[4];
    double mean = 0;
    for (int k = 0; k < 4; k++) {
      double gain = threshold - valueOfCentre(history, r.below().kernels[0].mu[k]);
      improvement[k] = gain * gain; // improvementPower 2
      mean += improvement[k] / 4;
    }
    double total = mean; // the prior weighs the mean improvement
    for (double w : improvement) {
      total += w;
    }
    for (int k = 0; k < 4; k++) {
      assertEquals(Math.log(improvement[k] / total), r.below().logWeight[k], 1e-12);
    }
    assertEquals(Math.log(mean / total), r.below().logPriorWeight, 1e-12);
    // Off: every good trial weighs 1, the prior 1 (Optuna).
    TpeEngine.Result off = TpeEngine.propose(Tpe.builder().improvementPower(0).build(), BRANIN, history,
        Direction.MINIMIZE, new Rng(1));
    for (double w : off.below().logWeight) {
      assertEquals(Math.log(1.0 / 5), w, 1e-12);
    }
  }

  private static double valueOfCentre(List<Observation> history, double x1) {
    return history.stream().filter(o -> o.params().get("Branin.x1") == x1).findFirst().orElseThrow().value();
  }

  @Test
  void proposalsDoNotDependOnTheObjectivesScaleOrOffset() {
    List<Observation> history = run(Tpe.defaults(), ISSUE, Issue5299::value, 40);
    List<Observation> scaled = new ArrayList<>();
    for (Observation o : history) {
      scaled.add(Observation.complete(o.params(), 1000 * o.value() - 7));
    }
    for (int seed = 0; seed < 5; seed++) {
      assertThat(Tpe.defaults().propose(ISSUE, scaled, Direction.MINIMIZE, new Rng(seed)).params())
          .isEqualTo(Tpe.defaults().propose(ISSUE, history, Direction.MINIMIZE, new Rng(seed)).params());
    }
  }

  @Test
  void proposalsConvergeOnBranin() {
    List<Observation> history = run(Tpe.defaults(), BRANIN, Branin::value, 100);
    double best = history.stream().mapToDouble(Observation::value).min().orElseThrow();
    assertThat(best).isLessThan(0.6); // random search's median is about 0.8
  }

  // ---- conditional spaces ---------------------------------------------------------------------

  @Test
  void aConditionalParameterIsFittedOnlyOnTheTrialsWhereItWasActive() {
    List<Observation> history = run(Tpe.builder().seed(3).build(), ISSUE, Issue5299::value, 40);
    TpeEngine.Result r = TpeEngine.propose(Tpe.defaults(), ISSUE, history, Direction.MINIMIZE, new Rng(2));
    for (Parzen set : List.of(r.below(), r.above())) {
      ParamKernels y = set.kernels[2];
      ParamKernels z = set.kernels[3];
      assertThat(y.m + z.m).isEqualTo(set.n); // every trial has exactly one of them
      assertThat(set.kernels[1].m).isEqualTo(set.n); // t is shared
      assertThat(y.lacking.length).isEqualTo(z.m);
      for (int k = 0; k < y.m; k++) {
        assertThat(y.mu[k]).isAtLeast(1.0); // y's centres are y values, [1, 2]
      }
    }
    // Counted in the history: the trials in branch A hold every y centre of both sets.
    long inA = history.stream().filter(o -> o.params().containsKey("Issue5299.y::true_branch")).count();
    assertThat((long) (r.below().kernels[2].m + r.above().kernels[2].m)).isEqualTo(inA);
    // Proposals are on one active path.
    Map<String, Double> p = r.proposal().params();
    assertThat(p.containsKey("Issue5299.y::true_branch")).isNotEqualTo(p.containsKey("Issue5299.z::true_branch"));
  }

  /**
   * The good trials of branch A lie on the diagonal t = y. The joint model draws a branch's y from
   * the observations whose t matches the t chosen, so the proposals keep t and y together; Optuna's
   * group decomposition ({@code groups(true)}) draws y blind to t. Over many proposals in branch
   * A, t and y are strongly correlated for the first, hardly for the second.
   */
  @Test
  void theBranchValuesFollowTheSharedValueChosen() {
    List<Observation> history = new ArrayList<>();
    Rng rng = new Rng(4);
    for (int i = 0; i < 20; i++) {
      double d = 1 + (i + 0.5) / 20;
      history.add(Observation.complete(Map.of("Issue5299.x", 0.0, "Issue5299.t", d, "Issue5299.y::true_branch", d), 0));
      Issue5299 bad = ISSUE.random(rng);
      history.add(Observation.complete(Observation.internalParams(ISSUE, ISSUE.parameters(bad)), 1));
    }
    Tpe joint = Tpe.builder().gamma(n -> 20).improvementPower(0).build();
    Tpe groups = joint.toBuilder().groups(true).build();
    assertThat(correlation(branchAPairs(joint, history))).isGreaterThan(0.6);
    assertThat(correlation(branchAPairs(groups, history))).isLessThan(0.3);
  }

  /** (t, y) of the proposals in branch A over 300 random sources. */
  private static List<double[]> branchAPairs(Tpe tpe, List<Observation> history) {
    List<double[]> pairs = new ArrayList<>();
    for (int seed = 0; seed < 300; seed++) {
      Map<String, Double> p = tpe.propose(ISSUE, history, Direction.MINIMIZE, new Rng(seed)).params();
      if (p.get("Issue5299.x") == 0.0) {
        pairs.add(new double[] {p.get("Issue5299.t"), p.get("Issue5299.y::true_branch")});
      }
    }
    assertThat(pairs.size()).isGreaterThan(100);
    return pairs;
  }

  private static double correlation(List<double[]> pairs) {
    double mx = 0;
    double my = 0;
    for (double[] p : pairs) {
      mx += p[0] / pairs.size();
      my += p[1] / pairs.size();
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (double[] p : pairs) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
      syy += (p[1] - my) * (p[1] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  @Test
  void polymorphicAndNestedSpacesGiveValidConfigs() {
    ConfigSpace<Training> space = TrainingSpace.space();
    ToDoubleFunction<Training> objective = t -> {
      double v = Math.abs(Math.log10(t.optimizer().learningRate()) + 3) + t.batchSize() / 128.0;
      if (t.block() instanceof io.paramspace.samplers.spaces.Dense d) {
        v += Math.abs(d.layers() - 4) + (d.rate() == null ? 0.5 : Math.abs(d.rate() - 0.2));
      } else if (t.block() instanceof io.paramspace.samplers.spaces.Conv c) {
        v += 1 + c.width();
      }
      return v;
    };
    for (Tpe tpe : List.of(Tpe.defaults(), Tpe.builder().multivariate(false).build())) {
      List<Observation> history = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        Proposal p = tpe.propose(space, history, Direction.MINIMIZE);
        Training config = p.config(space);
        space.validate(config);
        assertThat(space.fromParameters(p.externalParams(space))).isEqualTo(config);
        assertThat(p.externalParams(space)).isEqualTo(space.parameters(config));
        history.add(Observation.complete(p.params(), objective.applyAsDouble(config)));
      }
    }
  }

  @Test
  void everyKindOfParameterIsProposedOnItsGrid() {
    ConfigSpace<Mixed> space = MixedSpace.space();
    List<Observation> history = run(Tpe.defaults(), space,
        m -> Math.abs(m.plain() - 1) + Math.abs(Math.log(m.logFloat()) + 3) + Math.abs(m.steppedFloat() - 0.3)
            + Math.abs(m.plainInt() - 2) + Math.abs(m.logInt() - 30) + Math.abs(m.steppedInt() - 8)
            + (m.choice().equals("b") ? 0 : 1) + m.shape().ordinal(), 60);
    for (Observation o : history) {
      Mixed m = space.fromParameters(new Proposal(o.params(), Proposal.Origin.TPE).externalParams(space));
      space.validate(m);
      // Decimal grid values: 0.3, not 0.30000000000000004.
      assertThat(Double.toString(m.steppedFloat()).length()).isAtMost(4);
    }
  }

  // ---- pruned, failed, running, NaN, narrowed ------------------------------------------------

  @Test
  void prunedTrialsCountByTheirLastIntermediateValueAfterCompleteOnes() {
    List<Observation> history = new ArrayList<>();
    // 10 complete trials with bad values, 10 pruned with good ones: 2 good slots go to complete ones.
    for (int i = 0; i < 10; i++) {
      history.add(Observation.complete(point(i, 0), 100 + i));
    }
    for (int i = 0; i < 10; i++) {
      history.add(Observation.pruned(point(i, 1), 3, i));
    }
    TpeEngine.Result r = TpeEngine.propose(Tpe.defaults(), BRANIN, history, Direction.MINIMIZE, new Rng(1));
    assertThat(r.below().n).isEqualTo(2);
    assertThat(centres(r.below(), 0)).containsExactly(0.0, 1.0);
    assertThat(centres(r.below(), 1)).containsExactly(0.0, 0.0);
    // With only pruned trials: later steps first, then by value; no value ranks last.
    List<Observation> pruned = new ArrayList<>();
    pruned.add(Observation.pruned(point(0, 1), 5, 9.0));
    pruned.add(Observation.pruned(point(1, 2), 2, 0.0));
    pruned.add(Observation.pruned(point(2, 3), 5, 1.0));
    pruned.add(Observation.pruned(point(3, 4)));
    pruned.add(Observation.pruned(point(4, 5), 5, Double.NaN));
    Tpe three = Tpe.builder().nStartupTrials(0).gamma(n -> 3).build();
    TpeEngine.Result p = TpeEngine.propose(three, BRANIN, pruned, Direction.MINIMIZE, new Rng(1));
    assertThat(centres(p.below(), 1)).containsExactly(1.0, 3.0, 5.0);
  }

  @Test
  void nanValuesAreLeftOutOrRankedWorst() {
    List<Observation> history = randomHistory(BRANIN, 20, 4);
    history.add(Observation.complete(point(1, 1), Double.NaN));
    history.add(Observation.complete(point(2, 2), Double.NaN));
    TpeEngine.Result out = TpeEngine.propose(Tpe.defaults(), BRANIN, history, Direction.MINIMIZE, new Rng(1));
    assertThat(out.below().n + out.above().n).isEqualTo(20);
    Tpe worst = Tpe.builder().nanAsWorst(true).build();
    TpeEngine.Result in = TpeEngine.propose(worst, BRANIN, history, Direction.MINIMIZE, new Rng(1));
    assertThat(in.below().n + in.above().n).isEqualTo(22);
    assertThat(centres(in.below(), 1)).doesNotContain(1.0);
    assertThat(centres(in.above(), 1)).containsAtLeast(1.0, 2.0);
  }

  @Test
  void runningTrialsCountAsBadWithTheConstantLiar() {
    List<Observation> history = randomHistory(BRANIN, 20, 5);
    history.add(Observation.running(point(7, 7)));
    history.add(Observation.running(Map.of("Branin.x1", 8.0))); // still asking: only some parameters
    TpeEngine.Result liar = TpeEngine.propose(Tpe.defaults(), BRANIN, history, Direction.MINIMIZE, new Rng(1));
    assertThat(liar.above().n).isEqualTo(20 - 2 + 2);
    assertThat(liar.above().kernels[1].m).isEqualTo(19); // the partial one lacks x2
    Tpe honest = Tpe.builder().constantLiar(false).build();
    TpeEngine.Result no = TpeEngine.propose(honest, BRANIN, history, Direction.MINIMIZE, new Rng(1));
    assertThat(no.above().n).isEqualTo(18);
    // Running trials do not count as finished for the start-up.
    List<Observation> early = new ArrayList<>(randomHistory(BRANIN, 9, 6));
    early.add(Observation.running(point(1, 1)));
    assertThat(Tpe.defaults().propose(BRANIN, early, Direction.MINIMIZE).origin()).isEqualTo(Proposal.Origin.RANDOM);
  }

  @Test
  void trialsOutsideANarrowedSpaceAreSkippedWhole() {
    ConfigSpace<Branin> narrowed = BRANIN.narrow(BraninSpace.overrides().x1Between(0, 5));
    List<Observation> history = randomHistory(BRANIN, 40, 7);
    long inside = history.stream().filter(o -> o.params().get("Branin.x1") >= 0 && o.params().get("Branin.x1") <= 5)
        .count();
    TpeEngine.Result r = TpeEngine.propose(Tpe.defaults(), narrowed, history, Direction.MINIMIZE, new Rng(1));
    assertThat((long) (r.below().n + r.above().n)).isEqualTo(inside);
    for (int i = 0; i < 20; i++) {
      Branin b = narrowed.sample(Tpe.defaults().propose(narrowed, history, Direction.MINIMIZE, new Rng(i)).trial());
      assertThat(b.x1()).isAtLeast(0.0);
      assertThat(b.x1()).isAtMost(5.0);
    }
    // A parameter fixed by the override is not in the space any more: it is ignored, the trial kept.
    ConfigSpace<Branin> fixed = BRANIN.narrow(BraninSpace.overrides().x1(3.0));
    TpeEngine.Result f = TpeEngine.propose(Tpe.defaults(), fixed, history, Direction.MINIMIZE, new Rng(1));
    assertThat(f.below().n + f.above().n).isEqualTo(40);
    assertThat(f.proposal().params().keySet()).containsExactly("Branin.x2");
  }

  @Test
  void storedExternalValuesConvertToInternalOnesOrToOutside() {
    ConfigSpace<Mixed> space = MixedSpace.space();
    Map<String, Object> external = new LinkedHashMap<>(space.parameters(space.random(3)));
    Map<String, Double> internal = Observation.internalParams(space, external);
    assertThat(new Proposal(internal, Proposal.Origin.RANDOM).externalParams(space)).isEqualTo(external);
    external.put("Mixed.choice", "gone");
    external.put("Mixed.unknown", 1.0);
    Map<String, Double> stale = Observation.internalParams(space, external);
    assertThat(stale.get("Mixed.choice")).isNaN();
    assertThat(stale).doesNotContainKey("Mixed.unknown");
  }

  // ---- determinism and batches ----------------------------------------------------------------

  @Test
  void proposalsAreAFunctionOfTheSeedAndTheHistory() {
    List<Observation> history = run(Tpe.defaults(), ISSUE, Issue5299::value, 30);
    for (Tpe tpe : List.of(Tpe.defaults(), Tpe.builder().multivariate(false).build())) {
      Proposal a = tpe.propose(ISSUE, history, Direction.MINIMIZE, new Rng(77));
      Proposal b = tpe.propose(ISSUE, new ArrayList<>(history), Direction.MINIMIZE, new Rng(77));
      assertThat(a).isEqualTo(b);
      assertThat(tpe.propose(ISSUE, history, Direction.MINIMIZE, new Rng(78))).isNotEqualTo(a);
      Proposal seeded = tpe.propose(ISSUE, history, Direction.MINIMIZE);
      assertThat(tpe.propose(ISSUE, history, Direction.MINIMIZE)).isEqualTo(seeded);
      Tpe other = tpe.toBuilder().seed(1).build();
      assertThat(other.propose(ISSUE, history, Direction.MINIMIZE)).isNotEqualTo(seeded);
    }
    // Two whole runs with one seed are identical.
    assertThat(run(Tpe.builder().seed(9).build(), ISSUE, Issue5299::value, 25))
        .isEqualTo(run(Tpe.builder().seed(9).build(), ISSUE, Issue5299::value, 25));
  }

  @Test
  void batchPointsAreDistinct() {
    List<Observation> history = run(Tpe.defaults(), BRANIN, Branin::value, 30);
    List<Proposal> batch = Tpe.defaults().proposeBatch(BRANIN, history, Direction.MINIMIZE, new Rng(1), 8);
    assertThat(batch).hasSize(8);
    assertThat(new HashSet<>(batch.stream().map(Proposal::params).toList())).hasSize(8);
    // In a space of four points, four asks give the four points, model or not.
    ConfigSpace<Tiny> tiny = TinySpace.space();
    List<Observation> few = new ArrayList<>();
    for (Proposal p : Tpe.defaults().proposeBatch(tiny, List.of(), Direction.MINIMIZE, new Rng(2), 12)) {
      Tiny t = p.config(tiny);
      few.add(Observation.complete(p.params(), (t.a() ? 1 : 0) + (t.b() ? 2 : 0)));
    }
    Set<Tiny> four = new HashSet<>();
    for (Proposal p : Tpe.defaults().proposeBatch(tiny, few, Direction.MINIMIZE, new Rng(3), 4)) {
      four.add(p.config(tiny));
    }
    assertThat(four).hasSize(4);
  }

  @Test
  void theConstantLiarSpreadsABatch() {
    List<Observation> history = run(Tpe.defaults(), BRANIN, Branin::value, 40);
    List<Proposal> batch = Tpe.defaults().proposeBatch(BRANIN, history, Direction.MINIMIZE, new Rng(1), 4);
    // Each later point saw the earlier ones as bad trials.
    List<Observation> withFirst = new ArrayList<>(history);
    withFirst.add(batch.get(0).asRunning());
    assertThat(batch.get(1)).isEqualTo(nextAfter(history, batch.get(0)));
  }

  private static Proposal nextAfter(List<Observation> history, Proposal first) {
    Rng rng = new Rng(1);
    Tpe.defaults().propose(BRANIN, history, Direction.MINIMIZE, rng); // the first draw
    List<Observation> extended = new ArrayList<>(history);
    extended.add(first.asRunning());
    return Tpe.defaults().propose(BRANIN, extended, Direction.MINIMIZE, rng);
  }

  // ---- options --------------------------------------------------------------------------------

  @Test
  void optunasDefaultFunctions() {
    assertThat(Tpe.defaultGamma(1)).isEqualTo(1);
    assertThat(Tpe.defaultGamma(100)).isEqualTo(10);
    assertThat(Tpe.defaultGamma(101)).isEqualTo(11);
    assertThat(Tpe.defaultGamma(10_000)).isEqualTo(25);
    assertThat(Tpe.defaultWeights(3)).isEqualTo(new double[] {1, 1, 1});
    double[] w = Tpe.defaultWeights(30); // numpy.linspace(1/30, 1, 5), then 25 ones
    assertEquals(1.0 / 30, w[0], 1e-15);
    assertEquals(1.0 / 30 + (1 - 1.0 / 30) / 4, w[1], 1e-15);
    assertEquals(1.0, w[4], 1e-15);
    assertEquals(1.0, w[29], 0);
    assertThat(Tpe.defaultWeights(26)).isEqualTo(concat(new double[] {1.0 / 26}, ones(25)));
    Tpe d = Tpe.defaults();
    assertThat(d.nStartupTrials()).isEqualTo(10);
    assertThat(d.nEiCandidates()).isEqualTo(24);
    assertThat(d.priorWeight()).isEqualTo(1.0);
    assertThat(d.considerMagicClip()).isTrue();
    assertThat(d.considerEndpoints()).isFalse();
    assertThat(d.multivariate()).isTrue();
    assertThat(d.constantLiar()).isTrue();
    assertThat(d.nanAsWorst()).isFalse();
    assertThat(d.magicClipExponent()).isEqualTo(1.5);
    assertThat(d.badClipExponent()).isEqualTo(0.75);
    assertThat(d.improvementPower()).isEqualTo(2.0);
    Tpe optuna = Tpe.builder().optunaSettings().build();
    assertThat(optuna.magicClipExponent()).isEqualTo(1.0);
    assertThat(optuna.badClipExponent()).isEqualTo(1.0);
    assertThat(optuna.improvementPower()).isEqualTo(0.0);
  }

  @Test
  void badInputIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Tpe.builder().nEiCandidates(0));
    assertThrows(IllegalArgumentException.class, () -> Tpe.builder().badClipExponent(0));
    assertThrows(IllegalArgumentException.class, () -> Tpe.builder().priorWeight(-1));
    assertThrows(IllegalArgumentException.class, () -> Tpe.builder().nStartupTrials(-1));
    assertThrows(IllegalArgumentException.class, () -> Observation.pruned(point(1, 1), -2, 0.0));
    assertThrows(IllegalArgumentException.class, () -> new Observation(point(1, 1), Observation.State.COMPLETE,
        List.of(), -1));
    List<Observation> twoObjectives = new ArrayList<>(randomHistory(BRANIN, 12, 1));
    twoObjectives.add(Observation.complete(point(1, 1), List.of(1.0, 2.0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tpe.defaults().propose(BRANIN, twoObjectives, Direction.MINIMIZE));
    assertThat(e).hasMessageThat().contains("2 values for the 1 objective(s) [MINIMIZE]");
    Proposal p = Tpe.defaults().propose(BRANIN, List.of(), Direction.MINIMIZE);
    IllegalStateException other = assertThrows(IllegalStateException.class, () -> p.config(ISSUE));
    assertThat(other).hasMessageThat().contains("Issue5299.x");
  }

  private static Map<String, Double> point(double x1, double x2) {
    return Map.of("Branin.x1", x1, "Branin.x2", x2);
  }

  private static List<Double> centres(Parzen set, int param) {
    List<Double> list = new ArrayList<>();
    for (double mu : set.kernels[param].mu) {
      list.add(mu);
    }
    return list;
  }

  private static double[] ones(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, 1);
    return a;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
