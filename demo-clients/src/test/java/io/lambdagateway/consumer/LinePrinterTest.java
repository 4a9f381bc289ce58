package io.lambdagateway.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("LinePrinter")
class LinePrinterTest {

  @Test
  @DisplayName(
      "A stalled output fills the queue, and the drain handler runs once it writes again, with every line in order")
  void backPressure(Vertx vertx) throws Exception {
    CountDownLatch outputOpen = new CountDownLatch(1);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    PrintStream stalledOut =
        new PrintStream(
            new FilterOutputStream(written) {
              @Override
              public void write(byte[] bytes, int offset, int length) throws IOException {
                awaitQuietly(outputOpen);
                out.write(bytes, offset, length);
              }
            },
            false,
            StandardCharsets.UTF_8);
    AtomicInteger drains = new AtomicInteger();
    Context context = vertx.getOrCreateContext();
    LinePrinter printer = onContext(context, () -> new LinePrinter(vertx, stalledOut, 10));
    onContext(
        context,
        () -> {
          printer.drainHandler(drains::incrementAndGet);
          return null;
        });

    boolean fullWhileStalled =
        onContext(
            context,
            () -> {
              IntStream.range(0, 25).forEach(i -> printer.print("line " + i));
              return printer.full();
            });
    outputOpen.countDown();
    onContext(context, printer::flush)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);

    assertThat(fullWhileStalled).isTrue();
    assertThat(drains).hasValue(1);
    assertThat(written.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> "line " + i).toList());
    assertThat(onContext(context, printer::full)).isFalse();
  }

  @Test
  @DisplayName("flush on an idle printer completes at once")
  void idleFlush(Vertx vertx) throws Exception {
    LinePrinter printer = new LinePrinter(vertx, new PrintStream(new ByteArrayOutputStream()), 10);
    assertThat(printer.flush().isComplete()).isTrue();
  }

  /** LinePrinter is used from one context, as in the verticle. */
  private static <T> T onContext(Context context, java.util.concurrent.Callable<T> action)
      throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          try {
            result.complete(action.call());
          } catch (Exception e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(10, TimeUnit.SECONDS);
  }

  private static void awaitQuietly(CountDownLatch latch) throws IOException {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
