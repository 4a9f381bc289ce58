package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.gateway.function.FunctionTraits;
import io.lambdagateway.gateway.function.Invocation;
import io.lambdagateway.gateway.function.LambdaFunction;
import io.lambdagateway.gateway.platform.HostedFunction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A payload held in several heap chunks, as the enricher's answers are, is written chunk by chunk
 * (see {@code PayloadWrites}): the client must still get every byte in order, under one
 * Content-Length and without chunked transfer encoding, on both routes that send payloads.
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

  @BeforeAll
  static void start() {
    GatewayConfig config =
        GatewayConfig.fromSettings(
            Map.of("GATEWAY_PORT", "0", "ENRICHER_PUBLIC_IP", TestGateway.PUBLIC_IP));
    HostedFunction chunked =
        new HostedFunction(
            "chunked", new ChunkedAnswer(), Duration.ofSeconds(5), 128, OptionalInt.empty());
    gateway = Gateway.start(config, List.of(chunked), new VertxOptions()).await();
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
