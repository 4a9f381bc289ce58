package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lambdagateway.gateway.function.FunctionTraits;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A payload held in several heap chunks, as the enricher's answers are, is written chunk by chunk
 * (see {@code PayloadWrites}): the client must still get every byte in order, under one
 * Content-Length and without chunked transfer encoding, on both routes that send payloads. A
 * function gets a payload back ({@code LambdaFunction.payloadSent}) only after it was sent, so one
 * that overwrites its chunks then never corrupts an answer; an unsent payload never comes back.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Payloads of several chunks")
class ChunkedPayloadHttpTest {

  /** Three chunks of different sizes and bytes, the last only partly used, as the enricher's. */
  private static final byte[][] CHUNKS = {chunk(70_000, 'a'), chunk(140_000, 'b'), chunk(9, 'c')};

  private static Gateway gateway;

  /** Answers a composite of {@link #CHUNKS} whatever its event. */
  private record ChunkedAnswer() implements LambdaFunction {
    @Override
    public Future<Buffer> invoke(Buffer event, Invocation invocation) {
      ByteBuf[] parts = Arrays.stream(CHUNKS).map(Unpooled::wrappedBuffer).toArray(ByteBuf[]::new);
      return Future.succeededFuture(
          BufferInternal.buffer(Unpooled.wrappedBuffer(parts.length, parts)));
    }

    @Override
    public FunctionTraits traits() {
      return new FunctionTraits(false, true, Integer.MAX_VALUE, true, false);
    }
  }

  /**
   * Answers a fresh composite of copies of {@link #CHUNKS}; when a payload is handed back it
   * overwrites its chunks, as a function reusing them would, and counts the hand-back.
   */
  private static final class HandedBack implements LambdaFunction {
    final AtomicInteger invoked = new AtomicInteger();
    final AtomicInteger handedBack = new AtomicInteger();

    @Override
    public Future<Buffer> invoke(Buffer event, Invocation invocation) {
      invoked.incrementAndGet();
      ByteBuf[] parts =
          Arrays.stream(CHUNKS).map(c -> Unpooled.wrappedBuffer(c.clone())).toArray(ByteBuf[]::new);
      return Future.succeededFuture(
          BufferInternal.buffer(Unpooled.wrappedBuffer(parts.length, parts)));
    }

    @Override
    public void payloadSent(Buffer payload) {
      for (ByteBuffer chunk : ((BufferInternal) payload).getByteBuf().nioBuffers()) {
        Arrays.fill(chunk.array(), (byte) '#');
      }
      handedBack.incrementAndGet();
    }

    @Override
    public FunctionTraits traits() {
      return new FunctionTraits(false, true, Integer.MAX_VALUE, true, false);
    }
  }

  private static final HandedBack HANDED_BACK = new HandedBack();

  @BeforeEach
  void resetCounts() {
    HANDED_BACK.invoked.set(0);
    HANDED_BACK.handedBack.set(0);
  }

  @BeforeAll
  static void start() {
    gateway =
        TestGateway.hosting(
            config ->
                List.of(
                    Gateway.host(config, "chunked", new ChunkedAnswer()),
                    Gateway.host(config, "handed-back", HANDED_BACK)));
  }

  @AfterAll
  static void stop() {
    gateway.close().await();
  }

  @Test
  @DisplayName("arrive whole through the Invoke API")
  void invokeApiSendsEveryChunk() {
    assertWhole(Http.post(url("/2015-03-31/functions/chunked/invocations"), "{}"));
  }

  @Test
  @DisplayName("arrive whole through a function URL")
  void functionUrlSendsEveryChunk() {
    assertWhole(Http.post(url("/chunked"), "{}"));
  }

  @Test
  @DisplayName("go back to their function only once sent, through the Invoke API")
  void invokeApiHandsBackOnceSent() {
    assertWhole(Http.post(url("/2015-03-31/functions/handed-back/invocations"), "{}"));
    await().atMost(Duration.ofSeconds(5)).until(() -> HANDED_BACK.handedBack.get() == 1);
  }

  @Test
  @DisplayName("go back to their function only once sent, through a function URL")
  void functionUrlHandsBackOnceSent() {
    assertWhole(Http.post(url("/handed-back"), "{}"));
    await().atMost(Duration.ofSeconds(5)).until(() -> HANDED_BACK.handedBack.get() == 1);
  }

  @Test
  @DisplayName("never go back to their function when nothing sends them (an Event invocation)")
  void eventPayloadIsNotHandedBack() {
    HttpResponse<byte[]> accepted =
        Http.send(
            Http.request(url("/2015-03-31/functions/handed-back/invocations"))
                .header("X-Amz-Invocation-Type", "Event")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(accepted.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(5)).until(() -> HANDED_BACK.invoked.get() == 1);
    // the payload the queue dropped is not handed back; a sent one is by now (tests above)
    assertWhole(Http.post(url("/handed-back"), "{}"));
    await().atMost(Duration.ofSeconds(5)).until(() -> HANDED_BACK.handedBack.get() >= 1);
    assertThat(HANDED_BACK.handedBack.get()).isEqualTo(1);
  }

  private static void assertWhole(HttpResponse<byte[]> response) {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (byte[] chunk : CHUNKS) {
      expected.writeBytes(chunk);
    }
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(expected.toByteArray());
    assertThat(response.headers().firstValue("content-length"))
        .hasValue(Integer.toString(expected.size()));
    assertThat(response.headers().firstValue("transfer-encoding")).isEmpty();
  }

  private static byte[] chunk(int length, char fill) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) fill);
    return bytes;
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + gateway.port() + path);
  }
}
