package io.paramspace.study;

import io.paramspace.runtime.ConfigSpace;
import io.paramspace.runtime.Distribution;
import java.util.List;
import java.util.Map;

/** The StudyContext of one trial: the study's settings, the space, and its history on demand. */
final class TrialContext implements StudyContext {
  private final Study study;
  private final ConfigSpace<?> space;
  private List<FrozenTrial> history;

  TrialContext(Study study, ConfigSpace<?> space) {
    this.study = study;
    this.space = space;
  }

  @Override
  public String studyName() {
    return study.name();
  }

  @Override
  public List<Direction> directions() {
    return study.directions();
  }

  @Override
  public long seed() {
    return study.seed();
  }

  @Override
  public ConfigSpace<?> space() {
    return space;
  }

  @Override
  public Map<String, Distribution> distributions() {
    return space.distributions();
  }

  @Override
  public List<FrozenTrial> runningTrials() {
    return study.storage().trials(study.studyId(), TrialState.RUNNING);
  }

  @Override
  public void setTrialSystemAttribute(FrozenTrial trial, String key, String json) {
    study.storage().setTrialSystemAttribute(trial.id(), key, json);
  }

  /** A context of the same trial that reads the history again: a pruner, asked at every report, sees it grow. */
  TrialContext fresh() {
    return new TrialContext(study, space);
  }

  @Override
  public List<FrozenTrial> history() {
    // Read once per trial context: a sampler asking for every parameter sees one snapshot.
    if (history == null) {
      history = study.history(space);
    }
    return history;
  }
}
