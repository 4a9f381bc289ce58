package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lambdagateway.gateway.BlockedThreadGuard;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process work that outlives a call (the kill of a dead environment) is handed to the pool, and
 * the pool's close waits for it: such a task that finished after Vert.x had closed failed a CI run
 * with {@code RejectedExecutionException: event executor terminated}.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("The end of an execution environment")
class EnvironmentEndingTest {

  /** Posts an init error, then stays up until it is killed (at most 30 s). */
  private static final String FAILING_INIT =
      """
        curl -sS -o /dev/null -X POST "$API/init/error" \\
          -H "Lambda-Runtime-Function-Error-Type: Runtime.TestInitFailed" --data-binary '{}'
        sleep 30
      """;

  @TempDir Path code;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName(
      "an environment killed after a failed init hands the kill to its owner, which completes"
          + " once its processes are gone")
  void killIsTracked() throws Exception {
    Bootstrap.write(code, FAILING_INIT, "respond '{}'");
    RecordingOwner owner = new RecordingOwner();

    ExecutionEnvironment.launch(
        vertx,
        RuntimeGateway.spec(code, Duration.ofSeconds(10), OptionalInt.empty()),
        RuntimeLaunchers.defaults().of(FunctionSpec.Runtime.PROVIDED),
        RuntimeSettings.defaults(),
        "us-east-1",
        owner);

    await().atMost(Duration.ofSeconds(10)).until(() -> !owner.tracked.isEmpty());
    owner.tracked.get(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(owner.died).hasSize(1);
    assertThat(Processes.descendantsMentioning(code.toString())).isEmpty();
  }

  @Test
  @DisplayName("a pool's close completes only when the work handed to it has")
  void closeWaitsForTrackedWork() throws Exception {
    EnvironmentPool pool =
        new EnvironmentPool(
            vertx,
            RuntimeGateway.spec(code, Duration.ofSeconds(10), OptionalInt.empty()),
            RuntimeLaunchers.defaults().of(FunctionSpec.Runtime.PROVIDED),
            RuntimeSettings.defaults(),
            "us-east-1");
    Promise<Void> kill = Promise.promise();
    pool.track(kill.future());

    Future<Void> closed = pool.close();

    assertThat(closed.isComplete()).isFalse();
    kill.complete();
    closed.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** Records what an environment tells its owner. */
  private static final class RecordingOwner implements ExecutionEnvironment.Owner {
    final List<ExecutionEnvironment> died = new CopyOnWriteArrayList<>();
    final List<Future<Void>> tracked = new CopyOnWriteArrayList<>();

    @Override
    public void died(ExecutionEnvironment env) {
      died.add(env);
    }

    @Override
    public void track(Future<Void> work) {
      tracked.add(work);
    }
  }
}
