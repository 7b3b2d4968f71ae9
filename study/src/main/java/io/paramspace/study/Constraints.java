package io.paramspace.study;

import io.paramspace.study.storage.PythonJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trial's constraint values, as Optuna's {@code constraints_func} gives them: a value {@code <= 0}
 * is satisfied, a positive one says by how much the constraint is violated. An objective reports
 * them with {@link StudyTrial#setConstraints}; they are stored in the trial system attribute
 * {@value #ATTRIBUTE} as a JSON list of floats, Optuna's key and format, so Python Optuna's
 * samplers and {@code best_trials} read them and a Paramspace study reads Optuna's.
 *
 * <p>A study is <em>constrained</em> once a complete trial has constraint values. Then a complete
 * trial is feasible if it has them and all are {@code <= 0}; one that reported none is infeasible
 * (Optuna 4's rule). {@link Study#paretoFront()} and {@link Study#bestTrial()} consider feasible
 * trials only; NSGA-II ({@link io.paramspace.study.sampler.Nsga2Sampler}) and MOTPE ({@link
 * io.paramspace.study.sampler.TpeSampler} with several directions) rank infeasible trials after
 * feasible ones. The single-objective {@code TpeSampler} does not read them yet.
 */
public final class Constraints {
  /** Optuna's trial system attribute ({@code optuna.samplers._base._CONSTRAINTS_KEY}). */
  public static final String ATTRIBUTE = "constraints";

  private Constraints() {}

  /**
   * The stored constraint values of {@code trial}, or empty if it has none (or Optuna stored
   * {@code null}: its {@code constraints_func} raised).
   *
   * @throws StudyException if the attribute holds something other than a list of numbers
   */
  public static Optional<List<Double>> of(FrozenTrial trial) {
    String json = trial.systemAttributes().get(ATTRIBUTE);
    if (json == null) {
      return Optional.empty();
    }
    Object value = PythonJson.read(json);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof List<?> list)) {
      throw new StudyException("trial " + trial.number() + " has the system attribute '" + ATTRIBUTE + "' = " + json
          + ", not a list of numbers; fix or delete the attribute");
    }
    List<Double> values = new ArrayList<>(list.size());
    for (Object v : list) {
      if (!(v instanceof Number n)) {
        throw new StudyException("trial " + trial.number() + " has the system attribute '" + ATTRIBUTE + "' = "
            + json + ", not a list of numbers; fix or delete the attribute");
      }
      values.add(n.doubleValue());
    }
    return Optional.of(List.copyOf(values));
  }

  /** {@code true} if {@code trial} has constraint values and each is {@code <= 0}. */
  public static boolean isFeasible(FrozenTrial trial) {
    Optional<List<Double>> values = of(trial);
    return values.isPresent() && values.get().stream().allMatch(v -> v <= 0);
  }

  /** {@code true} if {@code trial} has constraint values. */
  static boolean has(FrozenTrial trial) {
    return trial.systemAttributes().containsKey(ATTRIBUTE);
  }

  /** The JSON stored for {@code values}: a list of floats, as Python's {@code json.dumps} of a tuple writes it. */
  static String json(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return PythonJson.write(list);
  }

  /** The feasible trials of {@code complete}, or all of them if none has constraint values. */
  static List<FrozenTrial> feasibleIfConstrained(List<FrozenTrial> complete) {
    if (complete.stream().noneMatch(Constraints::has)) {
      return complete;
    }
    return complete.stream().filter(Constraints::isFeasible).toList();
  }
}
