package io.lambdagateway.gateway.http;

import io.lambdagateway.gateway.function.LambdaFunction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;

/**
 * Ends a response with a function's payload, which may be held in several heap chunks (the
 * enricher's answers are).
 *
 * <p>Why not {@code end(payload)}: Netty copies a heap buffer into a direct one before the socket
 * write, and for a buffer of several heap chunks that copy first joins the chunks into one new heap
 * array (Netty 4.2's adaptive allocator reads its source through {@code nioBuffer()}). For a 2.4 MB
 * answer that was a 2.4 MB array per call, the largest single allocation of a 1 MB call under load
 * (JFR). Written one chunk at a time, each chunk goes straight into its direct copy.
 */
public final class PayloadWrites {

  private PayloadWrites() {}

  /**
   * Ends {@code response} with {@code payload}, which {@code producer} returned, and hands it back
   * to {@code producer} ({@link LambdaFunction#payloadSent}) once the response has been sent or has
   * failed: only then has the connection let go of its bytes.
   */
  public static Future<Void> end(
      HttpServerResponse response, Buffer payload, LambdaFunction producer) {
    return end(response, payload).andThen(sent -> producer.payloadSent(payload));
  }

  /** Ends {@code response} with {@code payload}, chunk by chunk when it has several heap chunks. */
  public static Future<Void> end(HttpServerResponse response, Buffer payload) {
    ByteBuf bytes = ((BufferInternal) payload).getByteBuf();
    if (bytes.isDirect() || bytes.nioBufferCount() <= 1) {
      return response.end(payload);
    }
    response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(bytes.readableBytes()));
    for (ByteBuffer chunk : bytes.nioBuffers()) {
      response.write(BufferInternal.buffer(Unpooled.wrappedBuffer(chunk)));
    }
    return response.end();
  }
}
