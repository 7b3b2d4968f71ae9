"""Prints, as JSON, what Python Optuna reads from a study: used by the interoperability tests.

Usage: python3 optuna_read.py DB|URL STUDY
(a SQLite file, or an SQLAlchemy URL such as postgresql+psycopg2://USER@HOST/DB)
Loads the study with optuna.load_study. Optuna 3.0/3.1 knows alembic revisions up to v3.0.0.d
and refuses a database stamped v3.2.0.a (Optuna 3.2 to 5.x) unless its schema check is skipped;
the tables are the same, so this retries with skip_compatibility_check=True and says so.
"""
import json
import sys

import optuna
from optuna.storages import RDBStorage

optuna.logging.set_verbosity(optuna.logging.WARNING)
url = sys.argv[1] if "://" in sys.argv[1] else "sqlite:///" + sys.argv[1]
skipped = False
try:
    storage = RDBStorage(url)
except RuntimeError:
    storage = RDBStorage(url, skip_compatibility_check=True)
    skipped = True
study = optuna.load_study(study_name=sys.argv[2], storage=storage)

def dist(d):
    return {"class": type(d).__name__, **{k: v for k, v in d.__dict__.items()}}

out = {
    "optuna_version": optuna.__version__,
    "skipped_compatibility_check": skipped,
    "directions": [d.name for d in study.directions],
    "user_attrs": study.user_attrs,
    "trials": [
        {
            "number": t.number,
            "state": t.state.name,
            "values": t.values,
            "params": t.params,
            "param_types": {k: type(v).__name__ for k, v in t.params.items()},
            "distributions": {k: dist(d) for k, d in t.distributions.items()},
            "intermediate_values": {str(k): v for k, v in t.intermediate_values.items()},
            "user_attrs": t.user_attrs,
            "system_attrs": t.system_attrs,
            "has_start": t.datetime_start is not None,
            "has_complete": t.datetime_complete is not None,
        }
        for t in study.get_trials(deepcopy=False)
    ],
}
if len(study.directions) == 1 and any(t.state.name == "COMPLETE" for t in study.trials):
    out["best_number"] = study.best_trial.number
print(json.dumps(out))
