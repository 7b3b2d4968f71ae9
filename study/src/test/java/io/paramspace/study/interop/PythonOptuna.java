package io.paramspace.study.interop;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the scripts of src/test/python with Debian's python3-optuna. Where it is missing, tests
 * that need it are skipped with a message saying how to install it; with {@code
 * PARAMSPACE_REQUIRE_OPTUNA=1} (as CI sets) they fail instead. {@code PARAMSPACE_PYTHON} names the
 * interpreter; by default Debian's own ({@code /usr/bin/python3.11}, then {@code /usr/bin/python3}),
 * since another {@code python3} may come first on the PATH without Debian's packages.
 */
final class PythonOptuna {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static volatile String python;

  private PythonOptuna() {}

  /** Skips (or, when required, fails) the calling test unless Python Optuna is there. */
  static void require() {
    if (python != null) {
      return;
    }
    List<String> candidates = new ArrayList<>();
    String configured = System.getenv("PARAMSPACE_PYTHON");
    if (configured != null && !configured.isBlank()) {
      candidates.add(configured);
    }
    candidates.add("/usr/bin/python3.11");
    candidates.add("/usr/bin/python3");
    for (String candidate : candidates) {
      if (Files.isExecutable(Path.of(candidate)) && run(candidate, List.of("-c", "import optuna")).exit == 0) {
        python = candidate;
        return;
      }
    }
    String message = "Python Optuna is not installed (tried " + candidates + "); install Debian's package with"
        + " `apt-get install -y python3-optuna` to run the interoperability tests";
    if ("1".equals(System.getenv("PARAMSPACE_REQUIRE_OPTUNA"))) {
      fail(message + " (PARAMSPACE_REQUIRE_OPTUNA=1 makes this a failure)");
    }
    Assumptions.abort(message);
  }

  /** Runs {@code script} (a file of src/test/python) with {@code args}; fails the test on a non-zero exit. */
  static String script(String script, Object... args) {
    require();
    List<String> command = new ArrayList<>();
    command.add(scriptPath(script).toString());
    for (Object a : args) {
      command.add(a.toString());
    }
    Result r = run(python, command);
    if (r.exit != 0) {
      fail(script + " exited " + r.exit + ":\n" + r.output);
    }
    return r.output;
  }

  /** Runs a script that prints one JSON document, and parses it. */
  static JsonNode json(String script, Object... args) {
    String out = script(script, args);
    String last = out.strip().lines().reduce((a, b) -> b).orElse("");
    try {
      return JSON.readTree(last);
    } catch (IOException e) {
      throw new AssertionError(script + " printed no JSON:\n" + out, e);
    }
  }

  static Path scriptPath(String script) {
    // Surefire runs in the module directory.
    return Path.of("src", "test", "python", script).toAbsolutePath();
  }

  private record Result(int exit, String output) {}

  private static Result run(String interpreter, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(interpreter);
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, e.toString());
    }
  }
}
