"""Fails a study's stale trials with Python Optuna's heartbeat check. For the interop tests.

Usage: python3 optuna_fail_stale.py URL STUDY GRACE_SECONDS
Prints, as JSON, the states of the study's trials afterwards: Optuna judges the heartbeats that
Paramspace wrote, by the database's clock, as it judges its own.
"""
import json
import sys

import optuna
from optuna.storages import RDBStorage

optuna.logging.set_verbosity(optuna.logging.WARNING)
grace = int(sys.argv[3])
try:
    storage = RDBStorage(sys.argv[1], heartbeat_interval=1, grace_period=grace)
except RuntimeError:
    storage = RDBStorage(sys.argv[1], heartbeat_interval=1, grace_period=grace, skip_compatibility_check=True)
study = optuna.load_study(study_name=sys.argv[2], storage=storage)
optuna.storages.fail_stale_trials(study)
print(json.dumps([t.state.name for t in study.get_trials(deepcopy=False)]))
