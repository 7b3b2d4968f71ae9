package io.paramspace.cli;

import io.paramspace.sweep.Export;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line progress bar on stderr for long exports: drawn only once the export has run for
 * {@code delayMillis}, redrawn at most five times a second, and never when disabled (by default
 * when stderr is not a terminal, so logs and pipes stay clean).
 */
final class ProgressBar implements Export.Progress {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean enabled;
  private final long delayNanos;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintWriter err, boolean enabled, long delayMillis) {
    this.err = err;
    this.enabled = enabled;
    this.delayNanos = delayMillis * 1_000_000L;
  }

  @Override
  public void update(long done, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - start < delayNanos || (now - lastDraw < REDRAW_NANOS && done < total)) {
      return;
    }
    lastDraw = now;
    drawn = true;
    err.print("\r" + line(done, total, (now - start) / 1_000_000_000L));
    err.flush();
  }

  /** {@code [#########.........]  30%  3000/10000  4s} */
  static String line(long done, long total, long seconds) {
    double fraction = total == 0 ? 1 : (double) done / total;
    int filled = (int) Math.round(fraction * WIDTH);
    return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format(java.util.Locale.ROOT, "%3d%%", Math.round(fraction * 100))
        + "  " + done + "/" + total + "  " + seconds + "s";
  }

  /** Ends the bar's line, if one was drawn. */
  void finish() {
    if (drawn) {
      err.println();
      err.flush();
    }
  }

  /**
   * {@code true} if stderr is a terminal: on Linux, file descriptor 2 is a tty or pseudo-terminal
   * device; elsewhere, the JVM has a console (stdin and stdout are terminals).
   */
  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.exists(Path.of("/proc/self/fd"))) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
