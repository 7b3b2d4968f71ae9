package io.paramspace.study;

import static com.google.common.truth.Truth.assertThat;

import io.paramspace.study.configs.TinyConfig;
import io.paramspace.study.storage.InMemoryStorage;
import io.paramspace.study.storage.Storage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shutdown hook (Ctrl-C, SIGTERM) against a tell that is being written as it runs. */
class ShutdownTest {

  @Test
  void theHookWaitsForATellUnderWayAndFailsOnlyTheTrialsStillRunning() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    InMemoryStorage memory = new InMemoryStorage();
    // The first COMPLETE write stalls, as a slow disk or a remote database would.
    Storage slow = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
        (proxy, method, args) -> {
          if (method.getName().equals("finishTrial") && args[1] == TrialState.COMPLETE && writing.getCount() > 0) {
            writing.countDown();
            release.await(10, TimeUnit.SECONDS);
          }
          try {
            return method.invoke(memory, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    try (Study study = Study.builder(slow, "shutdown").directions(Direction.MINIMIZE).open()) {
      StudyTrial<TinyConfig> told = study.ask(StudyTest.SPACE);
      StudyTrial<TinyConfig> running = study.ask(StudyTest.SPACE);
      Thread teller = new Thread(() -> study.tell(told, 1.0));
      teller.start();
      assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

      Thread hook = new Thread(study::stopForShutdown);
      hook.start();
      hook.join(300);
      assertThat(hook.isAlive()).isTrue(); // waiting for the tell's write

      release.countDown();
      hook.join(10_000);
      teller.join(10_000);
      assertThat(hook.isAlive()).isFalse();
      assertThat(memory.trial(told.id()).state()).isEqualTo(TrialState.COMPLETE);
      assertThat(memory.trial(told.id()).values()).containsExactly(1.0);
      assertThat(memory.trial(running.id()).state()).isEqualTo(TrialState.FAIL);
    }
  }
}
