package io.paramspace.study.storage;

import io.paramspace.study.FrozenTrial;

/** The rule both storages apply to parameters: each is set once per trial. */
final class ParamCheck {
  private ParamCheck() {}

  static void setOnce(FrozenTrial trial, String name, double value) {
    Double old = trial.params().get(name);
    if (old != null && Double.compare(old, value) != 0) {
      throw new StorageException("trial " + trial.number() + " already has parameter '" + name + "' = "
          + trial.distributions().get(name).toExternal(old) + "; a parameter is set once per trial");
    }
  }
}
