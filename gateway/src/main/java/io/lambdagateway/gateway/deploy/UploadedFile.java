package io.lambdagateway.gateway.deploy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams a request body into a temporary file, so that a function's code (up to AWS's 50 MB zip,
 * base64 in JSON) never sits in memory: at most {@value #HIGH_WATER} bytes wait for the disk, the
 * request is paused above that. The file work runs in order on workers. A body over the limit fails
 * with {@link TooLarge} as soon as it passes it (the rest is not read: the caller closes the
 * connection after its answer); any failure deletes the file.
 */
public final class UploadedFile {

  /** The failure of a body over the limit. */
  public static final class TooLarge extends RuntimeException {
    TooLarge(long limit) {
      super("the request body is over " + limit + " bytes", null, false, false);
    }
  }

  static final int HIGH_WATER = 1024 * 1024;

  private final Vertx vertx;
  private final HttpServerRequest request;
  private final long limit;
  private final Promise<Path> done = Promise.promise();
  private Path file;
  private FileChannel channel;
  private long received;
  private long pending;
  private boolean failed;

  private UploadedFile(Vertx vertx, HttpServerRequest request, long limit) {
    this.vertx = vertx;
    this.request = request;
    this.limit = limit;
  }

  /**
   * The body of {@code request} in a new temporary file (the caller deletes it). Call before the
   * route's handler returns.
   */
  public static Future<Path> save(Vertx vertx, HttpServerRequest request, long limit) {
    UploadedFile upload = new UploadedFile(vertx, request, limit);
    request.handler(upload::chunk);
    request.endHandler(v -> upload.end());
    request.exceptionHandler(upload::fail);
    request.resume();
    return upload.done.future();
  }

  private void chunk(Buffer chunk) {
    if (failed) {
      return;
    }
    received += chunk.length();
    if (received > limit) {
      fail(new TooLarge(limit));
      return;
    }
    pending += chunk.length();
    if (pending > HIGH_WATER) {
      request.pause();
    }
    byte[] bytes = chunk.getBytes();
    onDisk(() -> write(bytes))
        .onComplete(
            written -> {
              pending -= bytes.length;
              if (written.failed()) {
                fail(written.cause());
              } else if (!failed && pending <= HIGH_WATER / 2) {
                request.resume();
              }
            });
  }

  private void end() {
    if (failed) {
      return;
    }
    onDisk(
            () -> {
              open();
              channel.close();
              return file;
            })
        .onSuccess(done::tryComplete)
        .onFailure(this::fail);
  }

  private void fail(Throwable failure) {
    if (failed) {
      return;
    }
    failed = true;
    done.tryFail(failure);
    onDisk(
        () -> {
          if (channel != null) {
            channel.close();
          }
          if (file != null) {
            Files.deleteIfExists(file);
          }
          return null;
        });
  }

  private Void write(byte[] bytes) throws IOException {
    open();
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    return null;
  }

  private void open() throws IOException {
    if (channel == null) {
      file = Files.createTempFile("lambda-gateway-upload-", ".json");
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
    }
  }

  /** Runs file work on a worker, after all file work submitted before it from this request. */
  private <T> Future<T> onDisk(java.util.concurrent.Callable<T> work) {
    return vertx.executeBlocking(work, true);
  }
}
