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

    launch(owner);

    // the environment's end, tracked from the launch, then the kill
    await().atMost(Duration.ofSeconds(10)).until(() -> owner.tracked.size() == 2);
    for (Future<Void> work : owner.tracked) {
      work.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    assertThat(owner.died).hasSize(1);
    assertThat(Processes.descendantsMentioning(code.toString())).isEmpty();
  }

  @Test
  @DisplayName(
      "an environment's own end is handed to its owner at launch and completes once its process"
          + " has exited and been cleaned up after")
  void ownEndIsTrackedFromLaunch() throws Exception {
    Bootstrap.write(code, "sleep 0.5\nexit 3", "respond '{}'");
    RecordingOwner owner = new RecordingOwner();

    launch(owner);

    // before the process could have exited: a close starting now already waits for the clean-up
    assertThat(owner.tracked).hasSize(1);
    assertThat(owner.tracked.get(0).isComplete()).isFalse();
    owner.tracked.get(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(owner.died).hasSize(1);
    assertThat(Processes.descendantsMentioning(code.toString())).isEmpty();
  }

  @Test
  @DisplayName("a pool's close completes only when the work handed to it has")
  void closeWaitsForTrackedWork() throws Exception {
    EnvironmentPool pool = pool(RuntimeSettings.defaults());
    Promise<Void> kill = Promise.promise();
    pool.track(kill.future());

    Future<Void> closed = pool.close();

    assertThat(closed.isComplete()).isFalse();
    kill.complete();
    closed.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a pool's close gives up on work that never completes after its bound, and succeeds")
  void closeIsBounded() throws Exception {
    EnvironmentPool pool =
        pool(
            new RuntimeSettings(
                Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ZERO, 8192, 10));
    pool.track(Promise.<Void>promise().future());
    long started = System.nanoTime();

    pool.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(pool.closeBound())
        .isLessThan(pool.closeBound().plusSeconds(5));
  }

  /** A pool of the code directory's custom runtime. */
  private EnvironmentPool pool(RuntimeSettings settings) {
    return new EnvironmentPool(
        vertx,
        RuntimeGateway.spec(code, Duration.ofSeconds(10), OptionalInt.empty()),
        RuntimeLaunchers.defaults().of(FunctionSpec.Runtime.PROVIDED),
        settings,
        "us-east-1");
  }

  /** An environment of the code directory's custom runtime, telling {@code owner}. */
  private void launch(RecordingOwner owner) {
    ExecutionEnvironment.launch(
        vertx,
        RuntimeGateway.spec(code, Duration.ofSeconds(10), OptionalInt.empty()),
        RuntimeLaunchers.defaults().of(FunctionSpec.Runtime.PROVIDED),
        RuntimeSettings.defaults(),
        "us-east-1",
        owner);
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
