"""Optuna's side of StudyBenchmark: random sampler, TrainingConfig's 11 parameters, SQLite.

Trials told per second, ask + sample latency at 1,000 finished trials, and in a fresh
interpreter (its imports excluded) open + load all 10,000 trials and open + best trial.
Run with Debian's interpreter: /usr/bin/python3.11 benchmarks/python/study_bench.py [--read-db PATH]
(--read-db: time the fresh reads on the 10,000-trial study StudyBenchmark wrote, instead of
writing one with Optuna, which takes minutes; Optuna 3.0/3.1 open it without the version check.)
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
ROUNDS = 5


def objective(t):
    t.suggest_categorical("block", ["Dense", "Conv"])
    t.suggest_int("numLayers", 2, 12)
    t.suggest_categorical("activation", ["RELU", "GELU", "SILU"])
    t.suggest_categorical("normInput", [True, False])
    t.suggest_categorical("useDropout", [True, False])
    t.suggest_float("dropoutRate", 0.05, 0.5)
    t.suggest_int("numBlocks", 2, 12)
    t.suggest_categorical("name", ["adam", "sgd"])
    t.suggest_float("learningRate", 1e-5, 1e-2, log=True)
    t.suggest_float("beta2", 0.9, 0.999)
    return t.suggest_int("batchSize", 16, 128) * 1e-3


def summary(xs, fmt):
    return "median %s (range %s-%s; rounds %s)" % (
        fmt % statistics.median(xs), fmt % min(xs), fmt % max(xs), [fmt % x for x in xs])


def study(path, name, seed):
    return optuna.create_study(storage="sqlite:///" + path, study_name=name,
                               sampler=optuna.samplers.RandomSampler(seed=seed), load_if_exists=True)


def told(d):
    st = study(os.path.join(d, "told.db"), "told", 1)
    st.optimize(objective, n_trials=100)
    rates = []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        st.optimize(objective, n_trials=200)
        rates.append(200 / (time.perf_counter() - t0))
    print("optuna told per second (rounds of 200 trials): " + summary(rates, "%.1f"))


def ask_latency(d):
    st = study(os.path.join(d, "ask.db"), "ask", 2)
    st.optimize(objective, n_trials=1000)
    medians = []
    for _ in range(ROUNDS):
        ms = []
        for _ in range(50):
            t0 = time.perf_counter()
            trial = st.ask()
            value = objective(trial)
            ms.append((time.perf_counter() - t0) * 1e3)
            st.tell(trial, value)
        medians.append(statistics.median(ms))
    print("optuna ask + sample at 1,000 finished trials, ms: " + summary(medians, "%.2f"))


def fresh_reads(d, path=None):
    if path is None:
        path = os.path.join(d, "read.db")
        st = study(path, "read", 3)
        st.optimize(objective, n_trials=10000)
    for what in ("load", "best"):
        ms = []
        for _ in range(ROUNDS):
            out = subprocess.run([sys.executable, __file__, "fresh", path, what], check=True,
                                 capture_output=True, text=True).stdout
            ms.append(float(out.strip().splitlines()[-1]))
        label = "load all 10,000 trials" if what == "load" else "best of 10,000"
        print("optuna fresh interpreter, open + %s, ms (imports excluded): %s" % (label, summary(ms, "%.0f")))


def fresh(path, what):
    t0 = time.perf_counter()
    storage = optuna.storages.RDBStorage("sqlite:///" + path, skip_compatibility_check=True)
    st = optuna.load_study(study_name="read", storage=storage)
    if what == "load":
        assert len(st.trials) == 10000
    else:
        st.best_trial
    print((time.perf_counter() - t0) * 1e3)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "fresh":
        fresh(sys.argv[2], sys.argv[3])
    else:
        d = tempfile.mkdtemp()
        told(d)
        ask_latency(d)
        fresh_reads(d, sys.argv[2] if len(sys.argv) == 3 and sys.argv[1] == "--read-db" else None)
