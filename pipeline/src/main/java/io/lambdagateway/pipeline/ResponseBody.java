package io.lambdagateway.pipeline;

import io.lambdagateway.pipeline.InvocationException.Failure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import java.util.Arrays;

/**
 * Reads a function's response body into one array, refusing a body over a limit (Lambda's response
 * limit: a larger answer cannot be a function's). {@code response.body()} would grow a buffer by
 * doubling to any size and then be copied out: for the pipeline's 2-3 MB answers that was a fifth
 * of everything the pipeline allocated. Here a body that declares its length is read into an array
 * of that length, filled as its chunks arrive; one without a length grows by doubling, up to the
 * limit, and is trimmed at the end.
 */
final class ResponseBody {

  private static final int UNKNOWN_LENGTH_START = 64 * 1024;

  private final HttpClientResponse response;
  private final int limit;
  private final Promise<byte[]> done = Promise.promise();
  private byte[] bytes;
  private int length;

  private ResponseBody(HttpClientResponse response, int limit) {
    this.response = response;
    this.limit = limit;
  }

  /** The whole body, or a {@link Failure#TOO_LARGE} failure once it passes {@code limit} bytes. */
  static Future<byte[]> read(HttpClientResponse response, int limit) {
    return new ResponseBody(response, limit).start();
  }

  private Future<byte[]> start() {
    long declared = declaredLength();
    if (declared > limit) {
      refuse(declared);
      return done.future();
    }
    bytes = new byte[declared >= 0 ? (int) declared : Math.min(UNKNOWN_LENGTH_START, limit)];
    response.handler(this::append);
    response.exceptionHandler(done::tryFail);
    response.endHandler(v -> done.tryComplete(trimmed()));
    return done.future();
  }

  private void append(Buffer chunk) {
    if (done.future().isComplete()) {
      return;
    }
    long needed = (long) length + chunk.length();
    if (needed > limit) {
      refuse(needed);
      return;
    }
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(needed, 2L * bytes.length)));
    }
    chunk.getBytes(0, chunk.length(), bytes, length);
    length = (int) needed;
  }

  private byte[] trimmed() {
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
  }

  /**
   * Fails the read and drops the connection rather than reading the rest of an answer we refuse.
   */
  private void refuse(long size) {
    done.tryFail(
        new InvocationException(
            "the function answered more than "
                + limit
                + " bytes (at least "
                + size
                + "), over Lambda's response limit",
            Failure.TOO_LARGE));
    response.request().reset();
  }

  /** The Content-Length header's value, or -1 when there is none or it is not a length. */
  private long declaredLength() {
    String header = response.getHeader("Content-Length");
    if (header == null) {
      return -1;
    }
    try {
      long declared = Long.parseLong(header.trim());
      return declared >= 0 ? declared : -1;
    } catch (NumberFormatException notANumber) {
      return -1;
    }
  }
}
