package io.paramspace.study;

import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code optimize}'s progress on stderr, redrawn in place: trials done of the total, the best
 * value, the estimated time left. Drawn only where the process has a terminal (a run piped to a
 * file or under CI gets the SLF4J log lines only).
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final int total;
  private final long startNanos = System.nanoTime();
  private final boolean enabled;

  ProgressBar(int total, boolean wanted) {
    this.out = System.err;
    this.total = total;
    this.enabled = wanted && System.console() != null;
  }

  /** Redraws the bar; {@code best} is asked only when the bar is drawn. */
  synchronized void update(int done, java.util.function.Supplier<Double> bestValue) {
    if (!enabled) {
      return;
    }
    Double best = bestValue.get();
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    StringBuilder line = new StringBuilder("\r");
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, (long) WIDTH * done / total);
      line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
      line.append(done).append('/').append(total);
      if (done > 0 && done < total) {
        line.append(" ETA ").append(format(elapsed / done * (total - done)));
      }
    } else {
      line.append(done).append(" trials");
    }
    line.append(" elapsed ").append(format(elapsed));
    if (best != null) {
      line.append(" best ").append(best);
    }
    out.print(line);
    out.flush();
  }

  synchronized void finish() {
    if (enabled) {
      out.println();
    }
  }

  private static String format(double seconds) {
    Duration d = Duration.ofSeconds((long) seconds);
    return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
        : String.format("%dm%02ds", d.toMinutesPart(), d.toSecondsPart());
  }
}
