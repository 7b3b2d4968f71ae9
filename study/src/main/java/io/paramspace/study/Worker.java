package io.paramspace.study;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * The process that runs a trial, stored with the trial (system attribute {@code
 * paramspace:worker}: host, pid, process start time) so that a reopen on the same host can tell
 * a trial whose process died (SIGKILL, power loss) from one another live process is running.
 */
record Worker(String host, long pid, long startedMillis) {
  static final String ATTRIBUTE = "paramspace:worker";
  static final Worker SELF = self();

  private static Worker self() {
    ProcessHandle me = ProcessHandle.current();
    return new Worker(hostName(), me.pid(), startOf(me).orElse(0L));
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "localhost";
    }
  }

  private static Optional<Long> startOf(ProcessHandle p) {
    return p.info().startInstant().map(i -> i.toEpochMilli());
  }

  String json() {
    return io.paramspace.study.storage.PythonJson.write(Map.of("host", host, "pid", pid, "started", startedMillis));
  }

  static Optional<Worker> parse(String json) {
    if (json == null) {
      return Optional.empty();
    }
    Object value = io.paramspace.study.storage.PythonJson.read(json);
    if (value instanceof Map<?, ?> m && m.get("host") instanceof String h && m.get("pid") instanceof Number p
        && m.get("started") instanceof Number s) {
      return Optional.of(new Worker(h, p.longValue(), s.longValue()));
    }
    return Optional.empty();
  }

  /** {@code true} if this worker is on this host and its process is gone (or its pid was reused). */
  boolean isDeadHere() {
    if (!host.equals(SELF.host)) {
      return false;
    }
    if (pid == SELF.pid && startedMillis == SELF.startedMillis) {
      return false;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return true;
    }
    // A live process with this pid started at another time is another process.
    return startOf(p.get()).map(s -> Math.abs(s - startedMillis) > 1000).orElse(false);
  }
}
