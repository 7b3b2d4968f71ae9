"""Continues a study with Python Optuna: N more trials on its parameters. For the interop tests.

Usage: python3 optuna_continue.py DB|URL STUDY N
(a SQLite file, or an SQLAlchemy URL such as postgresql+psycopg2://USER@HOST/DB)
Each new trial suggests every parameter of the study's last complete trial with that trial's
distribution (so a study Paramspace wrote is continued on its own space) and returns the sum of
the numeric values.
"""
import sys

import optuna
from optuna.storages import RDBStorage

optuna.logging.set_verbosity(optuna.logging.WARNING)
url = sys.argv[1] if "://" in sys.argv[1] else "sqlite:///" + sys.argv[1]
try:
    storage = RDBStorage(url)
except RuntimeError:
    storage = RDBStorage(url, skip_compatibility_check=True)
study = optuna.load_study(study_name=sys.argv[2], storage=storage)
template = [t for t in study.trials if t.state.name == "COMPLETE"][-1]

def objective(trial):
    total = 0.0
    for name, d in template.distributions.items():
        v = trial._suggest(name, d)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            total += v
    trial.report(total, 0)
    trial.set_user_attr("by", "python")
    return total

study.optimize(objective, n_trials=int(sys.argv[3]))
