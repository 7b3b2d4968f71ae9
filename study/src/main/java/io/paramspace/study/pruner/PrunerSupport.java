package io.paramspace.study.pruner;

import io.paramspace.study.Direction;
import io.paramspace.study.StudyContext;
import io.paramspace.study.StudyException;

/** What every pruner here checks first. */
final class PrunerSupport {
  private PrunerSupport() {}

  /** The study's one direction; pruners compare the intermediate values of a single objective. */
  static Direction singleDirection(StudyContext study, Object pruner) {
    if (study.directions().size() != 1) {
      throw new StudyException(pruner.getClass().getSimpleName() + " compares the intermediate values of one objective,"
          + " but study '" + study.studyName() + "' has " + study.directions().size() + " objectives "
          + study.directions() + "; open it without a pruner (Pruner.NONE), or prune in the objective itself");
    }
    return study.directions().get(0);
  }

  static void require(boolean holds, String message) {
    if (!holds) {
      throw new IllegalArgumentException(message);
    }
  }
}
