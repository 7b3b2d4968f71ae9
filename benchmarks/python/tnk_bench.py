"""Optuna 3.1's NSGA-II on the constrained TNK problem, to set beside MultiObjectiveBenchmark.java.

TNK (Tanaka 1995) as Tnk.java defines it: minimize (x1, x2) over [0, pi]^2 with Optuna's
constraints_func (each value <= 0 when satisfied). Hypervolume of the feasible trials against
(1.2, 1.2) after 300 trials, seeds 0-19, median [Q1, Q3]: NSGAIISampler with its defaults
(uniform crossover), with SBXCrossover(eta=20), and Optuna's RandomSampler.

Usage: /usr/bin/python3.11 benchmarks/python/tnk_bench.py [--seeds 20] [--trials 300]
"""
import math
import sys

import numpy as np
import optuna
from optuna.samplers import NSGAIISampler, RandomSampler
from optuna.samplers.nsgaii import SBXCrossover

REFERENCE = (1.2, 1.2)


def constraints(x1, x2):
    c1 = -(x1 * x1 + x2 * x2 - 1 - 0.1 * math.cos(16 * math.atan2(x1, x2)))
    c2 = (x1 - 0.5) ** 2 + (x2 - 0.5) ** 2 - 0.5
    return c1, c2


def hypervolume_2d(points, reference):
    """Exact 2-D hypervolume (minimization) of the points inside the reference box."""
    inside = sorted((p for p in points if p[0] < reference[0] and p[1] < reference[1]))
    volume, best_y = 0.0, reference[1]
    for x, y in inside:
        if y < best_y:
            volume += (reference[0] - x) * (best_y - y)
            best_y = y
    return volume


def run(sampler, trials):
    study = optuna.create_study(directions=["minimize", "minimize"], sampler=sampler)

    def objective(trial):
        x1 = trial.suggest_float("Tnk.x1", 0, math.pi)
        x2 = trial.suggest_float("Tnk.x2", 0, math.pi)
        trial.set_user_attr("constraints", constraints(x1, x2))
        return x1, x2

    study.optimize(objective, n_trials=trials)
    feasible = [t.values for t in study.trials if all(c <= 0 for c in t.user_attrs["constraints"])]
    return hypervolume_2d(feasible, REFERENCE), len(feasible) / trials


def summary(xs):
    q1, med, q3 = np.percentile(xs, [25, 50, 75])
    return f"{med:.4f} [{q1:.4f}, {q3:.4f}]"


def main():
    seeds, trials = 20, 300
    args = sys.argv[1:]
    for i, a in enumerate(args):
        if a == "--seeds":
            seeds = int(args[i + 1])
        elif a == "--trials":
            trials = int(args[i + 1])
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    cfunc = lambda t: t.user_attrs["constraints"]
    samplers = {
        "NSGA-II (defaults)": lambda s: NSGAIISampler(seed=s, constraints_func=cfunc),
        "NSGA-II, SBX (eta 20)": lambda s: NSGAIISampler(seed=s, constraints_func=cfunc,
                                                         crossover=SBXCrossover(eta=20)),
        "random": lambda s: RandomSampler(seed=s),
    }
    print(f"Optuna {optuna.__version__}, TNK, feasible hypervolume vs {REFERENCE} after {trials} trials,"
          f" seeds 0-{seeds - 1}")
    print("| sampler | hypervolume | feasible trials, median |")
    print("|---|---|---|")
    for name, make in samplers.items():
        results = [run(make(s), trials) for s in range(seeds)]
        print(f"| {name} | {summary([r[0] for r in results])} | {100 * np.median([r[1] for r in results]):.0f}% |")


if __name__ == "__main__":
    main()
