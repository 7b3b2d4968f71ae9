package io.paramspace.study.storage;

/** The counter of {@link Storage#createTrialWithTicket}: a study system attribute holding a JSON integer. */
final class Tickets {
  private Tickets() {}

  /** The next ticket stored in {@code json} (0 if absent). */
  static long read(String json, String counter, String study) {
    // study: how the message names the study, e.g. "study 'lenet'"
    if (json == null) {
      return 0;
    }
    Object value;
    try {
      value = PythonJson.read(json);
    } catch (StorageException e) {
      value = null;
    }
    if (value instanceof Long n && n >= 0) {
      return n;
    }
    throw new StorageException("the study system attribute '" + counter + "' of " + study + " holds " + json
        + ", not the next ticket (an integer >= 0); it was changed outside Paramspace: delete it to start the"
        + " count again, or set it to the number of tickets already taken");
  }
}
