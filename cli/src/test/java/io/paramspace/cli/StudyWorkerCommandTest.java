package io.paramspace.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** `paramspace study worker` in process: output, exit codes, messages. */
class StudyWorkerCommandTest {
  static final String CLASS = "io.paramspace.sample.TrainingConfig";

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Paramspace.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static Run worker(String storage, String objective, String... more) {
    String[] base = {"study", "worker", "--storage", storage, "--study", "s", "--space", CLASS, "--objective",
        objective, "--trials", "5"};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return run(args);
  }

  @Test
  void aWorkerRunsTheStudysTotalAndSaysWhatItRan() {
    Run r = worker("memory:", CheapObjective.class.getName(), "--seed", "3", "--direction", "maximize");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("\"study\": \"s\"");
    assertThat(r.out()).contains("\"complete\": 5");
    assertThat(r.out()).contains("\"studyTotal\": 5");
    assertThat(r.out()).contains("\"rejected\": 0");
  }

  @Test
  void aMissingOrWrongObjectiveIsBadInput() {
    Run missing = worker("memory:", "io.acme.NoSuchObjective");
    assertThat(missing.code()).isEqualTo(Paramspace.BAD_INPUT);
    assertThat(missing.err()).contains("--objective: no class io.acme.NoSuchObjective on the classpath");
    Run wrong = worker("memory:", "java.lang.String");
    assertThat(wrong.code()).isEqualTo(Paramspace.BAD_INPUT);
    assertThat(wrong.err()).contains("does not implement io.paramspace.study.Objective");
  }

  @Test
  void anUnreachableStorageIsAStudyFailureWithTheCredentialsMasked() {
    Run r = worker("jdbc:postgresql://127.0.0.1:1/studies?user=alice&password=hunter2",
        CheapObjective.class.getName());
    assertThat(r.code()).isEqualTo(Paramspace.STUDY_FAILED);
    assertThat(r.err()).contains("jdbc:postgresql://127.0.0.1:1/studies?user=***&password=***");
    assertThat(r.err()).doesNotContain("hunter2");
    assertThat(r.err()).doesNotContain("alice");
  }

  @Test
  void badNumbersAreUsageErrors() {
    assertThat(worker("memory:", CheapObjective.class.getName(), "--threads", "0").code()).isEqualTo(2);
    assertThat(run("study", "worker", "--storage", "memory:", "--study", "s", "--space", CLASS, "--objective",
        CheapObjective.class.getName(), "--trials", "0").code()).isEqualTo(2);
  }
}
