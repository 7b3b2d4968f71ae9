"""Creates an empty study with Python Optuna (and so Optuna's schema). For the interop tests.

Usage: python3 optuna_create.py URL STUDY
"""
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
optuna.create_study(study_name=sys.argv[2], storage=sys.argv[1])
