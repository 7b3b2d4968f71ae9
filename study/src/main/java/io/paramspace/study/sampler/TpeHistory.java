package io.paramspace.study.sampler;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.samplers.Observation;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.StudyContext;
import io.paramspace.study.StudyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which trials of a study the TPE proposal for one trial is conditioned on, as observations: the
 * finished ones by their outcome and the others as running (the constant liar's input).
 *
 * <ul>
 *   <li><b>As stored now</b> ({@code workers == 0}, the default): every finished trial, then every
 *       other running trial with its parameters, other workers' included. A running trial with no
 *       parameters yet (another process is sampling it) is left out: there is no point to keep
 *       away from. One whose parameters are partial (written one by one, as Optuna does) counts
 *       with the ones it has; the model treats the rest as unknown.
 *   <li><b>Deterministic</b> ({@code workers = W >= 1}): trial {@code n} sees trials {@code 0 ..
 *       n - W} as finished and {@code n - W + 1 .. n - 1} as running, whatever they are by now, so
 *       its proposal depends only on the seed, {@code n} and the outcomes of trials {@code <= n -
 *       W}. It waits until those have finished and the running ones have parameters; with W
 *       workers of similar trials that is rarely long (see {@link TpeSampler#deterministic}).
 * </ul>
 *
 * <p>Finished trials come first, in trial-number order, then the running ones in that order:
 * they are the most recent, and with the liar they only ever count as bad.
 */
final class TpeHistory {
  private static final Logger log = LoggerFactory.getLogger(TpeHistory.class);
  private static final Duration WARN_EVERY = Duration.ofSeconds(30);

  private final int workers;
  private final Duration maxWait;
  private final int startupTrials;

  /**
   * @param workers 0 for the trials as stored now, else the window of the deterministic mode
   * @param maxWait how long the deterministic mode waits for a trial at most (null: no limit)
   * @param startupTrials below this many finished trials TPE draws at random, whatever they are: no
   *     need to wait for them
   */
  TpeHistory(int workers, Duration maxWait, int startupTrials) {
    this.workers = workers;
    this.maxWait = maxWait;
    this.startupTrials = startupTrials;
  }

  int workers() {
    return workers;
  }

  Duration maxWait() {
    return maxWait;
  }

  /** The observations for {@code trial}, the trial being sampled. */
  List<Observation> observations(StudyContext study, FrozenTrial trial) {
    if (workers == 0) {
      return asStored(study, trial);
    }
    return deterministic(study, trial);
  }

  /**
   * {@code true} if, as stored now, another running trial has exactly {@code params}: another
   * process sampled it while this one did (a trial being sampled has no parameters to see). Only
   * in the as-stored mode; the deterministic one sees a fixed window.
   */
  boolean takenMeanwhile(StudyContext study, FrozenTrial trial, Map<String, Double> params) {
    if (workers != 0) {
      return false;
    }
    for (FrozenTrial t : study.runningTrials()) {
      if (t.number() != trial.number() && !t.params().isEmpty()
          && Observation.internalParams(study.space(), t.externalParams()).equals(params)) {
        return true;
      }
    }
    return false;
  }

  private static List<Observation> asStored(StudyContext study, FrozenTrial trial) {
    // Running trials first: one that finishes in between is then in the history, never in neither.
    List<FrozenTrial> running = study.runningTrials();
    List<FrozenTrial> finished = study.history();
    Set<Integer> done = new HashSet<>();
    for (FrozenTrial t : finished) {
      done.add(t.number());
    }
    List<FrozenTrial> pending = new ArrayList<>();
    for (FrozenTrial t : running) {
      if (t.number() != trial.number() && !done.contains(t.number())) {
        pending.add(t);
      }
    }
    return join(study.space(), SamplerHistory.observations(finished), pending);
  }

  private List<Observation> deterministic(StudyContext study, FrozenTrial trial) {
    int n = trial.number();
    int firstRunning = Math.max(0, n - workers + 1);
    List<FrozenTrial> running = awaitWindow(study, n, firstRunning);
    List<FrozenTrial> finished = study.history();
    List<FrozenTrial> before = new ArrayList<>();
    List<FrozenTrial> window = new ArrayList<>();
    Set<Integer> inWindow = new HashSet<>();
    for (FrozenTrial t : finished) {
      if (t.number() < firstRunning) {
        before.add(t);
      } else if (t.number() < n) {
        // Finished by now, but trial n counts it as running: as it would be, had it run longer.
        window.add(t);
        inWindow.add(t.number());
      }
    }
    for (FrozenTrial t : running) {
      if (t.number() >= firstRunning && t.number() < n && inWindow.add(t.number())) {
        window.add(t);
      }
    }
    return join(study.space(), SamplerHistory.observations(before), window);
  }

  /**
   * Waits until every trial numbered below {@code firstRunning} has finished (unless TPE would
   * draw at random anyway) and every running one in {@code [firstRunning, n)} has parameters;
   * returns the running trials as last read.
   */
  private List<FrozenTrial> awaitWindow(StudyContext study, int n, int firstRunning) {
    boolean needFinished = firstRunning >= startupTrials;
    long begun = System.nanoTime();
    long lastWarning = begun;
    long pauseMillis = 1;
    while (true) {
      List<FrozenTrial> running = study.runningTrials();
      FrozenTrial blocking = null;
      for (FrozenTrial t : running) {
        boolean early = t.number() < firstRunning && needFinished;
        boolean unsampled = t.number() >= firstRunning && t.number() < n && t.params().isEmpty();
        if (early || unsampled) {
          blocking = t;
          break;
        }
      }
      if (blocking == null) {
        return running;
      }
      long now = System.nanoTime();
      if (maxWait != null && now - begun > maxWait.toNanos()) {
        throw new StudyException("deterministic TPE of study '" + study.studyName() + "': trial " + n
            + " waited " + maxWait.toMillis() + " ms for trial " + blocking.number() + " to "
            + (blocking.number() < firstRunning ? "finish" : "get its parameters") + "; finish that trial (tell it),"
            + " or raise maxWait (TpeSampler.deterministic(workers, maxWait))");
      }
      if (now - lastWarning > WARN_EVERY.toNanos()) {
        lastWarning = now;
        log.warn("Deterministic TPE of study '{}': trial {} waits for trial {} (trials before {} must be finished); "
            + "if this process holds it, tell it, or ask at most {} trials before telling the oldest",
            study.studyName(), n, blocking.number(), firstRunning, workers);
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StudyException("deterministic TPE of study '" + study.studyName() + "': interrupted while trial " + n
            + " waited for trial " + blocking.number(), e);
      }
      pauseMillis = Math.min(100, pauseMillis * 2);
    }
  }

  /** The finished observations, then the pending trials (by number) as running ones. */
  private static List<Observation> join(ConfigSpace<?> space, List<Observation> finished, List<FrozenTrial> pending) {
    List<FrozenTrial> sorted = new ArrayList<>(pending);
    sorted.sort(Comparator.comparingInt(FrozenTrial::number));
    List<Observation> observations = new ArrayList<>(finished.size() + sorted.size());
    observations.addAll(finished);
    for (FrozenTrial t : sorted) {
      // Stored form to this space's internal form: a trial of another space keeps what fits.
      Map<String, Double> params = Observation.internalParams(space, t.externalParams());
      if (!params.isEmpty()) {
        observations.add(Observation.running(params));
      }
    }
    return observations;
  }
}
