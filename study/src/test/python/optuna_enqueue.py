"""Enqueues fixed parameters in a study with Python Optuna (enqueue_trial). For the interop tests.

Usage: python3 optuna_enqueue.py DB STUDY PARAMS_JSON
"""
import json
import sys

import optuna
from optuna.storages import RDBStorage

optuna.logging.set_verbosity(optuna.logging.WARNING)
url = "sqlite:///" + sys.argv[1]
try:
    storage = RDBStorage(url)
except RuntimeError:
    storage = RDBStorage(url, skip_compatibility_check=True)
optuna.load_study(study_name=sys.argv[2], storage=storage).enqueue_trial(json.loads(sys.argv[3]))
