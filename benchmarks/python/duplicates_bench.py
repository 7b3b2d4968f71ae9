#!/usr/bin/python3.11
"""Optuna's TPESampler with 8 threads on the grid of io.paramspace.bench.parallel.DuplicateBenchmark.

The same space (Hartmann-6 with each coordinate i / 10, i an integer in 0..10), objective (it sleeps
--sleep-ms times a factor in [0.5, 1.5) drawn from the trial number), trials and seeds as the Java
benchmark, and the same Markdown table: the share of trials whose parameters repeat an earlier
trial's ("repeats"), the share whose parameters equal those of a trial running when they started
("concurrent"), the best value and the wall time, medians over the seeds. Rows: one thread;
8 threads (study.optimize(n_jobs=8), in-memory storage) with TPESampler(multivariate=True,
constant_liar=True) and with constant_liar=False; each sampler seeded with the seed.

Run it with Debian's Optuna (python3-optuna 3.1):

    /usr/bin/python3.11 benchmarks/python/duplicates_bench.py [--seeds 5] [--trials 200] [--sleep-ms 20]
"""

import argparse
import os
import random
import statistics
import time
import warnings

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)

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
NAMES = ["Hartmann6Grid.x%d" % i for i in range(1, 7)]


def hartmann6(x):
    return -float(np.sum(ALPHA * np.exp(-np.sum(A * (np.asarray(x) - P) ** 2, axis=1))))


def objective_with(sleep_ms):
    def objective(trial):
        x = [trial.suggest_int(name, 0, 10) / 10.0 for name in NAMES]
        # The factor comes from the trial number, as in the Java benchmark (not the same generator).
        time.sleep(sleep_ms * (0.5 + random.Random(trial.number).random()) / 1000.0)
        return hartmann6(x)

    return objective


def rates(trials):
    trials = sorted(trials, key=lambda t: t.number)
    seen = set()
    repeats = 0
    concurrent = 0
    for t in trials:
        key = tuple(sorted(t.params.items()))
        if key in seen:
            repeats += 1
        seen.add(key)
        for u in trials:
            if (
                u.number != t.number
                and u.datetime_start < t.datetime_start
                and (u.datetime_complete is None or u.datetime_complete > t.datetime_start)
                and u.params == t.params
            ):
                concurrent += 1
                break
    return repeats / len(trials), concurrent / len(trials)


def run(liar, jobs, seed, trials, sleep_ms):
    sampler = optuna.samplers.TPESampler(seed=seed, multivariate=True, constant_liar=liar)
    study = optuna.create_study(sampler=sampler)
    begun = time.perf_counter()
    study.optimize(objective_with(sleep_ms), n_trials=trials, n_jobs=jobs)
    seconds = time.perf_counter() - begun
    complete = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    repeats, concurrent = rates(complete)
    return repeats, concurrent, min(t.value for t in complete), seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--sleep-ms", type=int, default=20)
    args = parser.parse_args()
    print(
        "Duplicate benchmark, Optuna %s: Hartmann-6 on an 11^6 grid, %d trials, objective sleeps %d ms"
        " x [0.5, 1.5), medians over seeds; %d cores\n"
        % (optuna.__version__, args.trials, args.sleep_ms, os.cpu_count())
    )
    rows = []
    for label, liar, jobs in [
        ("Optuna TPESampler(multivariate=True) (one worker)", True, 1),
        ("Optuna TPESampler(multivariate=True, constant_liar=True)", True, 8),
        ("Optuna TPESampler(multivariate=True, constant_liar=False)", False, 8),
    ]:
        outcomes = [run(liar, jobs, seed, args.trials, args.sleep_ms) for seed in range(args.seeds)]
        med = [statistics.median(o[k] for o in outcomes) for k in range(4)]
        workers = "1 thread" if jobs == 1 else "%d threads" % jobs
        row = "| %s | %s | %d | %.1f%% | %.1f%% | %.3f | %.1f |" % (
            label, workers, args.seeds, 100 * med[0], 100 * med[1], med[2], med[3])
        print(row, flush=True)
        rows.append(row)
    print()
    print("| sampler | workers | seeds | repeats (median) | concurrent (median) | best (median) | wall s (median) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for row in rows:
        print(row)
    print()
    print("Repeat: /usr/bin/python3.11 benchmarks/python/duplicates_bench.py --seeds %d --trials %d --sleep-ms %d"
          % (args.seeds, args.trials, args.sleep_ms))


if __name__ == "__main__":
    main()
