"""Optuna 3.1's side of StudyThroughput: random sampler, 11 parameters like TrainingConfig's, SQLite.

Run with Debian's interpreter: /usr/bin/python3.11 benchmarks/python/study_throughput.py
"""
import optuna, time, tempfile, os
optuna.logging.set_verbosity(optuna.logging.WARNING)
d = tempfile.mkdtemp()
st = optuna.create_study(storage="sqlite:///" + os.path.join(d, "s.db"), sampler=optuna.samplers.RandomSampler(seed=1))
def obj(t):
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
st.optimize(obj, n_trials=50)
t0 = time.time(); st.optimize(obj, n_trials=300); dt = time.time() - t0
print("optuna told 300 trials in %.2f s = %.1f trials/s" % (dt, 300 / dt))
