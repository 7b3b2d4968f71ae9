"""Writes a small study with Python Optuna, to pin the schema and the rows Paramspace must match.

Usage: python3 optuna_reference.py OUT.db
Run with Debian's interpreter (/usr/bin/python3.11) where python3-optuna is installed.
Its `sqlite3 OUT.db .dump` is kept in study/src/test/resources/optuna-3.1-reference.sql and its
`.schema` in optuna-3.1-reference.schema.sql; SqliteSchemaGoldenTest compares Paramspace with them.
"""
import math
import sys

import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.trial import TrialState, create_trial

optuna.logging.set_verbosity(optuna.logging.WARNING)
url = "sqlite:///" + sys.argv[1]

study = optuna.create_study(study_name="reference", storage=url, direction="minimize")
study.set_user_attr("owner", "paramspace")
study.enqueue_trial({"x": 0.5})

def objective(trial):
    x = trial.suggest_float("x", -1.0, 1.0)
    lr = trial.suggest_float("lr", 1e-5, 1e-2, log=True)
    drop = trial.suggest_float("drop", 0.0, 0.5, step=0.1)
    n = trial.suggest_int("n", 1, 9, step=2)
    units = trial.suggest_int("units", 16, 128, log=True)
    opt = trial.suggest_categorical("opt", ["adam", "sgd"])
    flag = trial.suggest_categorical("flag", [True, False])
    size = trial.suggest_categorical("size", [32, 64])
    rate = trial.suggest_categorical("rate", [0.5, 1.5])
    trial.set_user_attr("config", {"x": x, "opt": opt})
    trial.report(1.0, 0)
    trial.report(float("inf"), 1)
    trial.report(float("-inf"), 2)
    trial.report(float("nan"), 3)
    if trial.number == 2:
        raise optuna.TrialPruned()
    if trial.number == 3:
        raise ValueError("boom")
    if trial.number == 4:
        return float("inf")
    return x * x + n

study.optimize(objective, n_trials=5, catch=(ValueError,))
running = study.ask()
running.suggest_float("x", -1.0, 1.0)

multi = optuna.create_study(study_name="multi", storage=url, directions=["minimize", "maximize"])
multi.add_trial(create_trial(
    params={"x": 0.25}, distributions={"x": FloatDistribution(0.0, 1.0)},
    values=[1.0, float("-inf")], user_attrs={"note": "imported"}))
