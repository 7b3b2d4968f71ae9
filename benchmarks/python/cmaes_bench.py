#!/usr/bin/python3.11
"""Optuna's CmaEsSampler on the functions and seeds of io.paramspace.bench.search.CmaEsBenchmark.

Prints the same Markdown tables as the Java benchmark, so the two can be read side by side:

* quality: the best value after --trials trials (default 100 and 300) for --seeds seeds (default 20)
  from --first-seed (default 0), median [Q1, Q3] (numpy's linear percentiles), for Hartmann-6 and
  Rosenbrock-10 on [-5, 10]^10, with CmaEsSampler(seed=s) (Optuna's defaults: IPOP restarts off in
  3.1, restart_strategy=None), TPESampler(seed=s, multivariate=True) and RandomSampler(seed=s);
* speed: on Hartmann-6 with 1,000 trials run by the same sampler, the median wall and CPU time of
  study.ask() plus the six suggest calls (each timed trial is then told FAIL, which no sampler uses).

Optuna's CmaEsSampler needs the cmaes package. Run it with Debian's Optuna 3.1 and cmaes 0.9.1
(apt-get install python3-optuna python3-cmaes), not a python3 earlier on PATH:

    /usr/bin/python3.11 benchmarks/python/cmaes_bench.py [--seeds 20] [--first-seed 0] [--trials 100,300]
        [--quality-only | --timing-only]
"""

import argparse
import time
import warnings

import numpy as np
import optuna

from tpe_bench import fmt, hartmann6, summary

optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)


def rosenbrock10(trial):
    x = [trial.suggest_float(f"x{i}", -5, 10) for i in range(1, 11)]
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(9))


PROBLEMS = [("Hartmann-6", "-3.32237", hartmann6), ("Rosenbrock-10 on [-5, 10]", "0", rosenbrock10)]

SAMPLERS = [
    ("Optuna CMA-ES", lambda s: optuna.samplers.CmaEsSampler(seed=s)),
    ("Optuna CMA-ES (IPOP)", lambda s: optuna.samplers.CmaEsSampler(seed=s, restart_strategy="ipop")),
    ("Optuna TPE (multivariate)", lambda s: optuna.samplers.TPESampler(seed=s, multivariate=True)),
    ("Optuna random", lambda s: optuna.samplers.RandomSampler(seed=s)),
]


def quality(first_seed, seeds, trials):
    last = first_seed + seeds - 1
    print(f"## Best value after {trials} trials, seeds {first_seed}-{last}: median [Q1, Q3] (Optuna {optuna.__version__})")
    print()
    print("| function (minimum) | " + " | ".join(name for name, _ in SAMPLERS) + " |")
    print("|---" * (len(SAMPLERS) + 1) + "|")
    for name, optimum, objective in PROBLEMS:
        cells = []
        for _, make in SAMPLERS:
            best = []
            for s in range(first_seed, first_seed + seeds):
                study = optuna.create_study(sampler=make(s))
                study.optimize(objective, n_trials=trials)
                best.append(study.best_value)
            cells.append(summary(best))
        print(f"| {name} ({optimum}) | " + " | ".join(cells) + " |", flush=True)
    print()


def timing():
    print(f"## Ask time on Hartmann-6 with 1,000 trials (median of many calls, Optuna {optuna.__version__})")
    print()
    print("| call | median wall time | median CPU time | calls |")
    print("|---|---|---|---|")
    for label, make in SAMPLERS[:1]:
        study = optuna.create_study(sampler=make(12345))
        study.optimize(hartmann6, n_trials=1_000)
        wall, cpu = [], []
        warmup, calls = 5, 100
        for i in range(warmup + calls):
            c0 = time.thread_time()
            t0 = time.perf_counter()
            trial = study.ask()
            for j in range(1, 7):
                trial.suggest_float(f"x{j}", 0, 1)
            t1 = time.perf_counter()
            c1 = time.thread_time()
            study.tell(trial, state=optuna.trial.TrialState.FAIL)
            if i >= warmup:
                wall.append((t1 - t0) * 1e3)
                cpu.append((c1 - c0) * 1e3)
        print(f"| study.ask + sample, {label} | {np.median(wall):.1f} ms | {np.median(cpu):.1f} ms | {calls} |", flush=True)
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--trials", default="100,300")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quality-only", action="store_true")
    group.add_argument("--timing-only", action="store_true")
    args = parser.parse_args()
    if not args.timing_only:
        for trials in [int(t) for t in args.trials.split(",")]:
            quality(args.first_seed, args.seeds, trials)
    if not args.quality_only:
        timing()


if __name__ == "__main__":
    main()
