package io.paramspace.study.sampler;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import io.paramspace.study.FrozenTrial;
import io.paramspace.study.Sampler;
import io.paramspace.study.StudyContext;
import io.paramspace.study.StudyException;
import io.paramspace.study.storage.PythonJson;
import io.paramspace.sweep.GridSource;
import io.paramspace.sweep.SweepException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grid search over {@link GridSource} (the space's discrete parameters, in the grid's documented
 * order): trial after trial takes the next point of the grid, and no point is evaluated twice
 * until every point has been, whatever the number of threads, processes or reopenings.
 *
 * <h2>How points are claimed</h2>
 *
 * <p>The study keeps one counter per grid, the study system attribute {@code
 * paramspace:grid_next:<space hash>}: the next unclaimed index. Each new trial is started by
 * {@link io.paramspace.study.storage.Storage#startTrial(long, int, Map, boolean,
 * io.paramspace.study.storage.Storage.TicketRequest)}, which checks the study's total (a worker at
 * the total claims nothing), reads the counter, creates the trial holding that index and advances
 * the counter in one transaction (the draw of {@link
 * io.paramspace.study.storage.Storage#createTrialWithTicket}); so the lowest unclaimed index goes
 * to exactly one trial, and a crash leaves either both or neither. That is
 * one short transaction per trial on any storage (on PostgreSQL the counter's row lock serializes
 * the claimers), with no list of points stored up front: a grid of 10^12 points costs what one of
 * 10 does. (Enqueuing every point as a waiting trial would also hand each out once, but would
 * write the whole grid at creation, which must itself happen once across workers, and would count
 * unevaluated points as trials of the study.)
 *
 * <p>Each trial holds its point in Optuna's system attribute {@value #GRID_ID_ATTRIBUTE} (the
 * index into the grid), with {@value #ROUND_ATTRIBUTE} (0 the first time through, 1 for the first
 * repeat, ...) and Optuna's {@code search_space} key set to {@code {"paramspace:grid": [hash,
 * size]}}, so that Optuna's own {@code GridSampler} sharing the study sees another grid's trials
 * rather than failing on a missing key. A claimed point stays claimed when its trial fails or its
 * worker dies: it is not evaluated again in the same round.
 *
 * <h2>When the grid is exhausted</h2>
 *
 * <p>By default, once every point is claimed, {@link io.paramspace.study.Study#ask} throws {@link
 * io.paramspace.study.SearchExhaustedException} and {@link io.paramspace.study.Study#optimize}
 * logs it and returns, with fewer trials than asked. {@link #repeating()} goes round the grid
 * again instead (round 1 evaluates point 0 again, and so on), for noisy objectives.
 *
 * <p>A trial enqueued with {@link io.paramspace.study.Study#enqueue} is taken first, as it is, and
 * holds no grid point. A narrowed space has its own grid and its own counter. A continuous float
 * range has no grid: the first ask fails naming it and the override that gives it values.
 */
public final class GridSampler implements Sampler {
  private static final Logger log = LoggerFactory.getLogger(GridSampler.class);

  /** Optuna's system attribute of a trial's grid index. */
  public static final String GRID_ID_ATTRIBUTE = "grid_id";
  /** How many times the grid had been gone through when the trial claimed its point. */
  public static final String ROUND_ATTRIBUTE = "paramspace:grid_round";
  /** The prefix of the study system attribute counting a grid's claimed points. */
  public static final String COUNTER_PREFIX = "paramspace:grid_next:";
  static final String SEARCH_SPACE_ATTRIBUTE = "search_space";

  private final boolean repeat;
  private final Map<String, GridSource<?>> grids = new ConcurrentHashMap<>();

  private GridSampler(boolean repeat) {
    this.repeat = repeat;
  }

  /** Every point once; then the study stops (see the class notes). */
  public static GridSampler exhaustive() {
    return new GridSampler(false);
  }

  /** Every point once, then every point again, and so on, until optimize's trial count or timeout. */
  public static GridSampler repeating() {
    return new GridSampler(true);
  }

  /** The grid of {@code space}, as this sampler walks it. */
  public GridSource<?> grid(ConfigSpace<?> space) {
    return grids.computeIfAbsent(space.hash(), h -> build(space));
  }

  private static GridSource<?> build(ConfigSpace<?> space) {
    try {
      return GridSource.of(space);
    } catch (SweepException e) {
      throw new StudyException("the grid sampler cannot search the space of " + space.typeName() + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Ticket> ticket(StudyContext study) {
    ConfigSpace<?> space = study.space();
    GridSource<?> grid = grid(space);
    long size = grid.size();
    String hash = space.hash();
    String searchSpace = PythonJson.write(Map.of("paramspace:grid", List.of(hash, size)));
    String exhausted = "the grid of " + space.typeName() + " (" + size + " points, space hash " + hash + ") is"
        + " exhausted in study '" + study.studyName() + "': every point has been claimed by a trial (system attribute"
        + " " + GRID_ID_ATTRIBUTE + "). To evaluate the points again open the study with GridSampler.repeating();"
        + " to search on, use another sampler on this study, or narrow the space to a new grid";
    return Optional.of(new Ticket(COUNTER_PREFIX + hash, repeat ? Long.MAX_VALUE : size, ticket -> {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put(GRID_ID_ATTRIBUTE, Long.toString(ticket % size));
      attributes.put(ROUND_ATTRIBUTE, Long.toString(ticket / size));
      attributes.put(SEARCH_SPACE_ATTRIBUTE, searchSpace);
      return attributes;
    }, exhausted));
  }

  @Override
  public Map<String, Distribution> inferRelativeSearchSpace(StudyContext study, FrozenTrial trial) {
    return trial.systemAttributes().containsKey(GRID_ID_ATTRIBUTE) ? study.distributions() : Map.of();
  }

  @Override
  public Map<String, Double> sampleRelative(StudyContext study, FrozenTrial trial,
      Map<String, Distribution> searchSpace) {
    long index = ((Number) PythonJson.read(trial.systemAttributes().get(GRID_ID_ATTRIBUTE))).longValue();
    String round = trial.systemAttributes().get(ROUND_ATTRIBUTE);
    if (round != null && index == 0 && !"0".equals(round)) {
      log.info("Study '{}': the grid of {} was exhausted; round {} of it starts with trial {}", study.studyName(),
          study.space().typeName(), round, trial.number());
    }
    return internalParams(study.space(), index, searchSpace);
  }

  private <T> Map<String, Double> internalParams(ConfigSpace<T> space, long index,
      Map<String, Distribution> distributions) {
    @SuppressWarnings("unchecked")
    GridSource<T> grid = (GridSource<T>) grid(space);
    Map<String, Double> internal = new LinkedHashMap<>();
    space.parameters(grid.get(index)).forEach((name, value) ->
        internal.put(name, distributions.get(name).toInternal(value)));
    return internal;
  }

  @Override
  public double sampleIndependent(StudyContext study, FrozenTrial trial, String name, Distribution distribution) {
    throw new StudyException("trial " + trial.number() + " of study '" + study.studyName() + "' has no value for '"
        + name + "': it holds no grid point (it was enqueued), and the grid sampler only gives whole grid points;"
        + " enqueue whole configs (Study.enqueue(space, config)) in a study searched by grid");
  }

  @Override
  public String toString() {
    return repeat ? "GridSampler.repeating()" : "GridSampler.exhaustive()";
  }
}
