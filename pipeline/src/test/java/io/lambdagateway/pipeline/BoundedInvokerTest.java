package io.lambdagateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BoundedInvokerTest {

  /** A function whose calls stay open until the test answers them. */
  private static final class HeldCalls implements LambdaInvoker {
    final List<Promise<byte[]>> open = new ArrayList<>();
    final List<String> started = new ArrayList<>();

    @Override
    public Future<byte[]> invoke(RequestBody request) {
      started.add(new String(request.joined(), StandardCharsets.UTF_8));
      Promise<byte[]> call = Promise.promise();
      open.add(call);
      return call.future();
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }

    void answer(int index, String body) {
      open.get(index).complete(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  @DisplayName("At most maxCalls calls run at once; the rest start in order as calls finish")
  void boundsConcurrentCalls() {
    HeldCalls function = new HeldCalls();
    BoundedInvoker bounded = new BoundedInvoker(function, 2);

    List<Future<byte[]>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(bounded.invoke(("call-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(function.started).containsExactly("call-0", "call-1");
    assertThat(bounded.waitingCalls()).isEqualTo(3);

    function.answer(1, "one");
    assertThat(function.started).containsExactly("call-0", "call-1", "call-2");
    assertThat(answers.get(1).result()).asString(StandardCharsets.UTF_8).isEqualTo("one");

    function.open.get(0).fail(new InvocationException("down"));
    assertThat(answers.get(0).failed()).isTrue();
    assertThat(function.started).containsExactly("call-0", "call-1", "call-2", "call-3");

    function.answer(2, "two");
    function.answer(3, "three");
    assertThat(function.started).hasSize(5);
    assertThat(bounded.waitingCalls()).isZero();
    function.answer(4, "four");
    assertThat(answers).allMatch(Future::isComplete);
  }

  @Test
  @DisplayName("A waiting call's request is built when the call starts, not when it is queued")
  void requestBuiltWhenTheCallStarts() {
    HeldCalls function = new HeldCalls();
    BoundedInvoker bounded = new BoundedInvoker(function, 1);
    List<String> built = new ArrayList<>();

    for (int i = 0; i < 3; i++) {
      String name = "call-" + i;
      bounded.invoke(
          () -> {
            built.add(name);
            return RequestBody.of(name.getBytes(StandardCharsets.UTF_8));
          });
    }
    assertThat(built).containsExactly("call-0");

    function.answer(0, "zero");
    assertThat(built).containsExactly("call-0", "call-1");
    assertThat(function.started).containsExactly("call-0", "call-1");
  }

  @Test
  @DisplayName("An invoker that throws (a closed client) fails that call and frees its place")
  void throwingInvokerFailsTheCall() {
    HeldCalls function = new HeldCalls();
    boolean[] closed = {true};
    LambdaInvoker closing =
        new LambdaInvoker() {
          @Override
          public Future<byte[]> invoke(RequestBody request) {
            if (closed[0]) {
              throw new IllegalStateException("Client is closed");
            }
            return function.invoke(request);
          }

          @Override
          public Future<Void> close() {
            return Future.succeededFuture();
          }
        };
    BoundedInvoker bounded = new BoundedInvoker(closing, 1);

    Future<byte[]> refused = bounded.invoke("a".getBytes(StandardCharsets.UTF_8));
    closed[0] = false;
    Future<byte[]> next = bounded.invoke("b".getBytes(StandardCharsets.UTF_8));

    assertThat(refused.failed()).isTrue();
    assertThat(refused.cause()).hasMessage("Client is closed");
    assertThat(function.started).as("the place came back").containsExactly("b");
    function.answer(0, "ok");
    assertThat(next.result()).asString(StandardCharsets.UTF_8).isEqualTo("ok");
  }
}
