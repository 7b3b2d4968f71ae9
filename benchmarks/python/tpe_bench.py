#!/usr/bin/python3.11
"""Optuna's TPESampler on the functions and seeds of io.paramspace.bench.search.TpeBenchmark.

Prints the same Markdown tables as the Java benchmark, so the two can be read side by side:

* quality: the best value after --trials trials (default 100) for --seeds seeds (default 20) from
  --first-seed (default 0), median [Q1, Q3] (numpy's linear percentiles), for Branin, Hartmann-6 and the
  conditional objective of optuna#5299, with TPESampler(multivariate=True, group=True),
  TPESampler() (independent, Optuna 3's default) and RandomSampler, each seeded with the seed;
* speed: on Hartmann-6 with a prepared history of N complete trials (uniform random points with
  their values), the median wall and CPU time of study.ask() plus the six suggest calls, for
  N = 1,000 and 10,000 (each timed trial is then told FAIL, which TPE ignores).

Run it with Debian's Optuna (python3-optuna 3.1), not a python3 earlier on PATH:

    /usr/bin/python3.11 benchmarks/python/tpe_bench.py [--seeds 20] [--first-seed 0] [--trials 100]
        [--samplers group,independent,random] [--quality-only | --timing-only]

With PYTHONPATH pointing at a checkout of Optuna's sources (its optuna/ folder), the same script
runs that version instead, e.g. the development head of Optuna 5.0, whose TPESampler() is
multivariate by default.
"""

import argparse
import math
import time
import warnings

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)


def branin(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b = 5.1 / (4 * math.pi**2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1**2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


ALPHA = np.array([1.0, 1.2, 3.0, 3.2])
A = np.array(
    [
        [10, 3, 17, 3.5, 1.7, 8],
        [0.05, 10, 17, 0.1, 8, 14],
        [3, 3.5, 1.7, 10, 17, 8],
        [17, 8, 0.05, 10, 0.1, 14],
    ]
)
P = 1e-4 * np.array(
    [
        [1312, 1696, 5569, 124, 8283, 5886],
        [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650],
        [4047, 8828, 8732, 5743, 1091, 381],
    ]
)


def hartmann6_value(x):
    return float(-np.sum(ALPHA * np.exp(-np.sum(A * (np.asarray(x) - P) ** 2, axis=1))))


def hartmann6(trial):
    return hartmann6_value([trial.suggest_float(f"x{i}", 0, 1) for i in range(1, 7)])


def issue5299(trial):
    # The objective of optuna#5299, as the issue writes it.
    x = trial.suggest_categorical("x", ["A", "B"])
    t = trial.suggest_float("t", -2, 2)
    if x == "A":
        y = trial.suggest_float("y", 1, 2)
        return (y - t) ** 2
    z = trial.suggest_float("z", -2, 1)
    return (z - t) ** 2


PROBLEMS = [("Branin", "0.397887", branin), ("Hartmann-6", "-3.32237", hartmann6), ("optuna#5299", "0", issue5299)]

SAMPLERS = {
    "group": ("Optuna TPE (multivariate, group)", lambda s: optuna.samplers.TPESampler(seed=s, multivariate=True, group=True)),
    "independent": ("Optuna TPE (independent)", lambda s: optuna.samplers.TPESampler(seed=s, multivariate=False)),
    "random": ("Optuna random", lambda s: optuna.samplers.RandomSampler(seed=s)),
}


def fmt(v):
    a = abs(v)
    if a != 0 and (a < 1e-3 or a >= 1e5):
        return f"{v:.2e}"
    return f"{v:.4f}"


def summary(values):
    q1, med, q3 = np.percentile(values, [25, 50, 75])
    return f"{fmt(med)} [{fmt(q1)}, {fmt(q3)}]"


def quality(first_seed, seeds, trials, samplers):
    last = first_seed + seeds - 1
    print(f"## Best value after {trials} trials, seeds {first_seed}-{last}: median [Q1, Q3] (Optuna {optuna.__version__})")
    print()
    print("| function (minimum) | " + " | ".join(name for name, _ in samplers) + " |")
    print("|---" * (len(samplers) + 1) + "|")
    for name, optimum, objective in PROBLEMS:
        cells = []
        for _, make in samplers:
            best = []
            for s in range(first_seed, first_seed + seeds):
                study = optuna.create_study(sampler=make(s))
                study.optimize(objective, n_trials=trials)
                best.append(study.best_value)
            cells.append(summary(best))
        print(f"| {name} ({optimum}) | " + " | ".join(cells) + " |", flush=True)
    print()


def prepared_study(sampler, n):
    rng = np.random.RandomState(12345)
    distributions = {f"x{i}": optuna.distributions.FloatDistribution(0, 1) for i in range(1, 7)}
    trials = []
    for _ in range(n):
        x = rng.uniform(0, 1, 6)
        params = {f"x{i}": float(x[i - 1]) for i in range(1, 7)}
        trials.append(
            optuna.trial.create_trial(params=params, distributions=distributions, value=hartmann6_value(x))
        )
    study = optuna.create_study(sampler=sampler)
    study.add_trials(trials)
    return study


def time_ask_sample(study, warmup, calls):
    """Median wall and CPU (this thread's) time of ask + six suggests, in milliseconds."""
    wall, cpu = [], []
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
    return float(np.median(wall)), float(np.median(cpu))


def timing():
    print(f"## Time per call on Hartmann-6 with N complete trials (median of many calls, Optuna {optuna.__version__})")
    print()
    print("| sampler | call | N | median wall time | median CPU time | calls |")
    print("|---|---|---|---|---|---|")
    for label, make in [
        ("TPE (multivariate)", lambda: optuna.samplers.TPESampler(seed=0, multivariate=True)),
        ("TPE (independent)", lambda: optuna.samplers.TPESampler(seed=0, multivariate=False)),
    ]:
        for n, warmup, calls in [(1_000, 5, 50), (10_000, 2, 10)]:
            wall, cpu = time_ask_sample(prepared_study(make(), n), warmup, calls)
            print(f"| {label} | ask + sample | {n:,} | {wall:.1f} ms | {cpu:.1f} ms | {calls} |", flush=True)
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--samplers", default="group,independent,random", help="comma-separated: group, independent, random")
    parser.add_argument("--trials", type=int, default=100)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quality-only", action="store_true")
    group.add_argument("--timing-only", action="store_true")
    args = parser.parse_args()
    if not args.timing_only:
        quality(args.first_seed, args.seeds, args.trials, [SAMPLERS[name] for name in args.samplers.split(",")])
    if not args.quality_only:
        timing()


if __name__ == "__main__":
    main()
