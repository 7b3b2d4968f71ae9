"""The workers benchmark with Python Optuna's RDB storage, to compare with WorkersBenchmark.java.

Trials per second of 1, 2, 4 and 8 worker processes on one PostgreSQL study: Optuna's random
sampler, the sample app's TrainingConfig written as define-by-run suggestions (11 parameters on
average, the same names and ranges), a cheap objective, 400 trials (MaxTrialsCallback, counting
trials in any state), the median of 3 runs. Each run is a new study in a new schema; the clock
runs from the moment every worker has loaded the study to the last worker's exit. Overshoot is
the number of trials beyond 400; duplicates are trial numbers given twice.

Usage: /usr/bin/python3.11 benchmarks/python/workers_bench.py [HOST] [PORT] [USER] [DATABASE]
(default 127.0.0.1 5432 postgres test; Debian's python3-optuna and python3-psycopg2). BENCH_SAMPLER=tpe
uses TPESampler(multivariate=True, constant_liar=True; BENCH_LIAR=0 without the liar) instead of the
random sampler; BENCH_WORKERS
(default 1,2,4,8) the worker counts.
"""
import math
import os
import statistics
import subprocess
import sys
import time
import uuid

import optuna
import psycopg2

TRIALS = 400
REPEATS = 3
BLOCK = "TrainingConfig.model::ModelConfig.blockConfig"


def objective(trial):
    block = trial.suggest_categorical(BLOCK, ["DenseConfig", "ConvConfig"])
    p = BLOCK + "::" + block
    trial.suggest_int(p + ".numLayers", 2, 12)
    trial.suggest_categorical(p + ".activation", ["RELU", "GELU", "SWISH"])
    if block == "ConvConfig":
        trial.suggest_int(p + ".kernelSize", 1, 64)
    trial.suggest_categorical(p + ".normInput", [True, False])
    if trial.suggest_categorical(p + ".useDropout", [True, False]):
        trial.suggest_float(p + ".useDropout::true_branch.dropoutRate", 0.05, 0.5)
    blocks = trial.suggest_int("TrainingConfig.model::ModelConfig.numBlocks", 2, 12)
    name = trial.suggest_categorical("TrainingConfig.optimizer::OptimizerConfig.name", ["adam", "sgd"])
    lr = trial.suggest_float("TrainingConfig.optimizer::OptimizerConfig.learningRate", 1e-5, 1e-2, log=True)
    if name == "sgd":
        trial.suggest_float("TrainingConfig.optimizer::OptimizerConfig.momentum", 0.0, 0.99)
    else:
        trial.suggest_float("TrainingConfig.optimizer::OptimizerConfig.beta2", 0.9, 0.999)
    batch = trial.suggest_int("TrainingConfig.batchSize", 16, 128)
    return math.log10(lr) + blocks / 10.0 + batch / 1000.0


def sampler(seed=None):
    if os.environ.get("BENCH_SAMPLER") == "tpe":
        # BENCH_LIAR=0: Optuna 3.1's constant liar failed a tell on PostgreSQL here (StorageInternalError).
        liar = os.environ.get("BENCH_LIAR", "1") != "0"
        return optuna.samplers.TPESampler(multivariate=True, constant_liar=liar, seed=seed)
    return optuna.samplers.RandomSampler(seed=seed)


def worker(url):
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.load_study(study_name="bench", storage=url, sampler=sampler())
    print("READY", flush=True)
    if sys.stdin.readline().strip() != "GO":
        return
    study.optimize(objective, callbacks=[optuna.study.MaxTrialsCallback(TRIALS, states=None)])


def run(url, workers):
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    optuna.create_study(study_name="bench", storage=url, sampler=sampler(42))
    procs = [subprocess.Popen([sys.executable, __file__, "--worker", url], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for _ in range(workers)]
    for p in procs:
        if p.stdout.readline().strip() != "READY":
            raise RuntimeError("a worker did not start")
    start = time.monotonic()
    for p in procs:
        p.stdin.write("GO\n")
        p.stdin.flush()
    for p in procs:
        if p.wait(timeout=1800) != 0:
            raise RuntimeError("a worker failed")
    seconds = time.monotonic() - start
    trials = optuna.load_study(study_name="bench", storage=url).get_trials(deepcopy=False)
    numbers = [t.number for t in trials]
    complete = sum(1 for t in trials if t.state.name == "COMPLETE")
    return seconds, len(trials), complete, len(numbers) - len(set(numbers))


def main():
    args = sys.argv[1:5]
    host, port, user, database = args + ["127.0.0.1", "5432", "postgres", "test"][len(args):]
    print(f"Optuna {optuna.__version__} workers benchmark: {TRIALS} trials, {type(sampler()).__name__}, TrainingConfig as"
          f" suggestions, cheap objective, median of {REPEATS}")
    rows = []
    for workers in [int(w) for w in os.environ.get("BENCH_WORKERS", "1,2,4,8").split(",")]:
        runs = []
        for _ in range(REPEATS):
            schema = "bench_optuna_" + uuid.uuid4().hex[:8]
            admin = psycopg2.connect(host=host, port=port, user=user, dbname=database)
            admin.autocommit = True
            admin.cursor().execute("CREATE SCHEMA " + schema)
            url = f"postgresql+psycopg2://{user}@{host}:{port}/{database}?options=-csearch_path%3D{schema}"
            try:
                runs.append(run(url, workers))
            finally:
                admin.cursor().execute("DROP SCHEMA " + schema + " CASCADE")
                admin.close()
        rates = sorted(TRIALS / r[0] for r in runs)
        overshoots = [max(0, r[1] - TRIALS) for r in runs]
        rows.append(f"| Optuna {optuna.__version__} RDB, PostgreSQL | {workers} | {rates[len(rates) // 2]:.1f} |"
                    f" {', '.join(f'{x:.1f}' for x in rates)} | {'/'.join(str(r[2]) for r in runs)} |"
                    f" {sum(r[3] for r in runs)} | {'/'.join(str(o) for o in overshoots)} |")
    print()
    print("| storage | workers | trials/s (median) | runs (trials/s) | complete | duplicates | overshoot per run |")
    print("|---|---:|---:|---|---:|---:|---:|")
    for row in rows:
        print(row)
    print()
    print("Repeat: /usr/bin/python3.11 benchmarks/python/workers_bench.py")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        worker(sys.argv[2])
    else:
        main()
