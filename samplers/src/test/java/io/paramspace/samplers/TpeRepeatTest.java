package io.paramspace.samplers;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Rng;
import io.paramspace.samplers.spaces.Branin;
import io.paramspace.samplers.spaces.BraninSpace;
import io.paramspace.samplers.spaces.Grid;
import io.paramspace.samplers.spaces.GridBranch;
import io.paramspace.samplers.spaces.GridBranchSpace;
import io.paramspace.samplers.spaces.GridSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A proposal passes over candidates whose parameters equal an observation's, finished or running. */
class TpeRepeatTest {
  private static final ConfigSpace<Grid> GRID = GridSpace.space();
  private static final ConfigSpace<GridBranch> BRANCH = GridBranchSpace.space();

  private static Map<String, Double> grid(int a, int b) {
    return Map.of("Grid.a", (double) a, "Grid.b", (double) b);
  }

  private static double bowl(int a, int b) {
    return (a - 2) * (a - 2) + (b - 2) * (b - 2);
  }

  /** 14 trials of the 25, a checkerboard's half and (2, 2), far better than anything else, seen twice. */
  private static List<Observation> converged() {
    List<Observation> history = new ArrayList<>();
    history.add(Observation.complete(grid(2, 2), -100));
    for (int a = 0; a < 5; a++) {
      for (int b = 0; b < 5; b++) {
        if ((a + b) % 2 == 1) {
          history.add(Observation.complete(grid(a, b), bowl(a, b)));
        }
      }
    }
    history.add(Observation.complete(grid(2, 2), -100));
    return history;
  }

  private static Set<Map<String, Double>> params(List<Observation> history) {
    Set<Map<String, Double>> set = new HashSet<>();
    history.forEach(o -> set.add(o.params()));
    return set;
  }

  @Test
  void aProposalRepeatsNoTrialWhileUnseenPointsRemain() {
    List<Observation> history = converged();
    Set<Map<String, Double>> seen = params(history);
    assertThat(seen.size()).isLessThan(25);
    for (Tpe tpe : List.of(Tpe.defaults(), Tpe.builder().optunaSettings().build(),
        Tpe.builder().multivariate(false).build(), Tpe.builder().groups(true).build())) {
      for (long seed = 0; seed < 30; seed++) {
        Proposal p = tpe.propose(GRID, history, Direction.MINIMIZE, new Rng(seed));
        assertThat(p.origin()).isEqualTo(Proposal.Origin.TPE);
        assertWithMessage("%s, seed %s", tpe, seed).that(seen).doesNotContain(p.params());
      }
    }
  }

  @Test
  void runningTrialsAreAvoidedToo() {
    List<Observation> history = converged();
    // Unseen points next to the best, pending in other workers.
    List<Map<String, Double>> pending = List.of(grid(1, 1), grid(1, 3), grid(3, 1), grid(3, 3));
    pending.forEach(p -> history.add(Observation.running(p)));
    Set<Map<String, Double>> seen = params(history);
    for (long seed = 0; seed < 30; seed++) {
      assertThat(seen).doesNotContain(Tpe.defaults().propose(GRID, history, Direction.MINIMIZE, new Rng(seed))
          .params());
    }
    // A batch is distinct and new while the space has room.
    List<Proposal> batch = Tpe.defaults().proposeBatch(GRID, history, Direction.MINIMIZE, new Rng(1), 5);
    Set<Map<String, Double>> proposed = new HashSet<>();
    batch.forEach(p -> proposed.add(p.params()));
    assertThat(proposed).hasSize(5);
    assertThat(seen).containsNoneIn(proposed);
  }

  @Test
  void onAnExhaustedSpaceARepeatIsReturned() {
    List<Observation> all = new ArrayList<>();
    for (int a = 0; a < 5; a++) {
      for (int b = 0; b < 5; b++) {
        all.add(Observation.complete(grid(a, b), a == 2 && b == 2 ? -100 : bowl(a, b)));
      }
    }
    Set<Map<String, Double>> seen = params(all);
    Proposal p = Tpe.defaults().propose(GRID, all, Direction.MINIMIZE, new Rng(3));
    assertThat(p.origin()).isEqualTo(Proposal.Origin.TPE);
    assertThat(seen).contains(p.params());
    Proposal random = Tpe.builder().nStartupTrials(100).build().propose(GRID, all, Direction.MINIMIZE, new Rng(3));
    assertThat(random.origin()).isEqualTo(Proposal.Origin.RANDOM);
    assertThat(seen).contains(random.params());
    // Exhausted by finished trials, it repeats one of those rather than a running one.
    List<Observation> withPending = new ArrayList<>(all);
    withPending.add(Observation.running(grid(2, 2)));
    for (long seed = 0; seed < 10; seed++) {
      assertThat(Tpe.defaults().propose(GRID, withPending, Direction.MINIMIZE, new Rng(seed)).params())
          .isNotEqualTo(grid(2, 2));
    }
  }

  @Test
  void aRunOnTheGridVisitsNewPointsAndIsReproducible() {
    List<Map<String, Double>> first = run(Tpe.builder().seed(4).build(), 25);
    assertThat(run(Tpe.builder().seed(4).build(), 25)).isEqualTo(first);
    assertThat(new HashSet<>(first.subList(0, 20))).hasSize(20);
  }

  private static List<Map<String, Double>> run(Tpe tpe, int trials) {
    List<Observation> history = new ArrayList<>();
    List<Map<String, Double>> proposed = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      Proposal p = tpe.propose(GRID, history, Direction.MINIMIZE);
      Grid g = p.config(GRID);
      proposed.add(p.params());
      history.add(Observation.complete(p.params(), g.a() == 2 && g.b() == 2 ? -100 : bowl(g.a(), g.b())));
    }
    return proposed;
  }

  /** Branch A ({@code x} = 0) with {@code a = v}, or B with {@code b = v}. */
  private static Map<String, Double> branch(int x, int v) {
    return Map.of("GridBranch.x", (double) x, x == 0 ? "GridBranch.a::true_branch" : "GridBranch.b::true_branch",
        (double) v);
  }

  @Test
  void onAConditionalGridTheActivePathIsCompared() {
    assertThat(BRANCH.distributions().keySet())
        .containsExactly("GridBranch.x", "GridBranch.a::true_branch", "GridBranch.b::true_branch");
    List<Observation> history = new ArrayList<>();
    for (int v = 0; v < 5; v++) {
      history.add(Observation.complete(branch(0, v), v == 2 ? -100 : 10));
      if (v != 2) {
        history.add(Observation.complete(branch(1, v), 20));
      }
    }
    history.add(Observation.complete(branch(0, 2), -100));
    // One point is left, B with b = 2: the same value as the best, A's a = 2, on the other path.
    for (long seed = 0; seed < 10; seed++) {
      assertThat(Tpe.defaults().propose(BRANCH, history, Direction.MINIMIZE, new Rng(seed)).params())
          .isEqualTo(branch(1, 2));
    }
  }

  @Test
  void onAContinuousSpaceTheRuleNeverActs() {
    Tpe tpe = Tpe.defaults();
    List<Observation> history = new ArrayList<>();
    Rng rng = new Rng(7);
    for (int t = 0; t < 60; t++) {
      TpeEngine.Result r = TpeEngine.propose(tpe, BRANIN, history, Direction.MINIMIZE, rng);
      if (t >= tpe.nStartupTrials()) {
        // One round of candidates, and the best of them by l/g: what the model alone would pick.
        assertThat(r.candidates()).hasSize(tpe.nEiCandidates());
        int argmax = 0;
        for (int c = 1; c < r.logL().length; c++) {
          if (r.logL()[c] - r.logG()[c] > r.logL()[argmax] - r.logG()[argmax]) {
            argmax = c;
          }
        }
        assertThat(r.chosen()).isEqualTo(argmax);
      }
      Map<String, Double> params = new LinkedHashMap<>(r.proposal().params());
      history.add(Observation.complete(params, r.proposal().config(BRANIN).value()));
    }
  }

  private static final ConfigSpace<Branin> BRANIN = BraninSpace.space();
}
