package io.paramspace.study.storage;

/**
 * Every ticket of a counter is drawn ({@link Storage#startTrial(long, int, java.util.Map, boolean,
 * Storage.TicketRequest)}): no trial was started, nothing was written. Not an error of the
 * storage: the sampler that asked for the ticket has nothing left to hand out (a grid is exhausted).
 */
public final class TicketsExhaustedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String counter;
  private final long limit;

  public TicketsExhaustedException(String counter, long limit) {
    super("every ticket of the study system attribute '" + counter + "' is drawn (" + limit + " tickets)");
    this.counter = counter;
    this.limit = limit;
  }

  /** The study system attribute that counts the tickets drawn. */
  public String counter() {
    return counter;
  }

  /** How many tickets there are. */
  public long limit() {
    return limit;
  }
}
