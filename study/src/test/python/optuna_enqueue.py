"""Enqueues fixed parameters in a study with Python Optuna (enqueue_trial). For the interop tests.

Usage: python3 optuna_enqueue.py DB|URL STUDY PARAMS_JSON
(a SQLite file, or an SQLAlchemy URL such as postgresql+psycopg2://USER@HOST/DB)
"""
import json
import sys

import optuna
from optuna.storages import RDBStorage

optuna.logging.set_verbosity(optuna.logging.WARNING)
url = sys.argv[1] if "://" in sys.argv[1] else "sqlite:///" + sys.argv[1]
try:
    storage = RDBStorage(url)
except RuntimeError:
    storage = RDBStorage(url, skip_compatibility_check=True)
optuna.load_study(study_name=sys.argv[2], storage=storage).enqueue_trial(json.loads(sys.argv[3]))
