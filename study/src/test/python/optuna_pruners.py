"""Runs synthetic learning curves through Optuna's pruners and prints, as JSON, the step at which
each trial was pruned (null: it completed). PrunerInteropTest runs the same curves through
Paramspace's pruners and compares.

usage: optuna_pruners.py median|percentile25|sh3|sh4|asha_rate1|hyperband STUDY_NAME N_TRIALS N_STEPS
"""
import json
import sys

import optuna


def curve(number, step):
    # Trial k levels off at ((7k) mod 11) / 10, from above; every 9th trial is noisy upwards.
    level = ((7 * number) % 11) / 10.0
    bump = 0.3 if number % 9 == 4 and step % 2 == 1 else 0.0
    return level + 1.0 / (step + 1) + bump


def main():
    kind, name, n_trials, n_steps = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    pruner = {
        "median": lambda: optuna.pruners.MedianPruner(),
        "percentile25": lambda: optuna.pruners.PercentilePruner(25.0, n_startup_trials=3, n_warmup_steps=2,
                                                                interval_steps=3),
        "sh3": lambda: optuna.pruners.SuccessiveHalvingPruner(min_resource=1, reduction_factor=3),
        "sh4": lambda: optuna.pruners.SuccessiveHalvingPruner(min_resource=2, reduction_factor=4),
        "asha_rate1": lambda: optuna.pruners.SuccessiveHalvingPruner(min_resource=1, reduction_factor=3,
                                                                     min_early_stopping_rate=1),
        "hyperband": lambda: optuna.pruners.HyperbandPruner(min_resource=1, max_resource=n_steps,
                                                            reduction_factor=3),
    }[kind]()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(study_name=name, pruner=pruner, direction="minimize")
    pruned_at = {}

    def objective(trial):
        value = None
        for step in range(n_steps):
            value = curve(trial.number, step)
            trial.report(value, step)
            if trial.should_prune():
                pruned_at[trial.number] = step
                raise optuna.TrialPruned()
        return value

    study.optimize(objective, n_trials=n_trials)
    print(json.dumps({str(k): pruned_at.get(k) for k in range(n_trials)}))


if __name__ == "__main__":
    main()
