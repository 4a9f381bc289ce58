package io.lambdagateway.gateway.http.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.function.BooleanSupplier;

/**
 * Reads a pipeline's status JSON every {@link #PERIOD_MS} while someone watches the dashboard, and
 * keeps the last answer (or why there is none) for the snapshots. Never blocks: the Vert.x client
 * does the I/O, and a read still running when the next one is due makes that one skip.
 */
final class PipelineStatusPoller {

  static final long PERIOD_MS = 2000;
  private static final long TIMEOUT_MS = 1500;
  private static final int MAX_BYTES = 256 * 1024;

  private final HttpClient client;
  private final URI url;
  private volatile JsonObject last = new JsonObject().put("error", "not read yet");
  private boolean reading;

  private PipelineStatusPoller(HttpClient client, URI url) {
    this.client = client;
    this.url = url;
  }

  /** Starts reading {@code url} whenever {@code watched} says someone looks. */
  static PipelineStatusPoller start(Vertx vertx, URI url, BooleanSupplier watched) {
    HttpClient client =
        vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) TIMEOUT_MS));
    PipelineStatusPoller poller = new PipelineStatusPoller(client, url);
    vertx.setPeriodic(
        PERIOD_MS,
        id -> {
          if (watched.getAsBoolean()) {
            poller.read();
          }
        });
    return poller;
  }

  /** The pipeline's last status, or {@code {"error": ...}} with why it could not be read. */
  JsonObject last() {
    return last;
  }

  private void read() {
    if (reading) {
      return;
    }
    reading = true;
    fetch()
        .onSuccess(status -> last = status.put("url", url.toString()))
        .onFailure(
            failed ->
                last =
                    new JsonObject()
                        .put("url", url.toString())
                        .put("error", "cannot read " + url + ": " + failed.getMessage()))
        .onComplete(done -> reading = false);
  }

  private Future<JsonObject> fetch() {
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setAbsoluteURI(url.toString())
            .setIdleTimeout(TIMEOUT_MS);
    return client
        .request(request)
        .compose(req -> req.send())
        .compose(
            response -> {
              if (response.statusCode() != 200) {
                return Future.failedFuture("status " + response.statusCode());
              }
              return boundedBody(response);
            })
        .map(JsonObject::new);
  }

  /**
   * The answer's body, or a failure as soon as it passes {@link #MAX_BYTES}: the rest is not read,
   * the connection is reset, so an endless answer costs at most that much memory.
   */
  private static Future<Buffer> boundedBody(HttpClientResponse response) {
    Promise<Buffer> body = Promise.promise();
    Buffer received = Buffer.buffer();
    response.exceptionHandler(body::tryFail);
    response.handler(
        chunk -> {
          if (received.length() + chunk.length() <= MAX_BYTES) {
            received.appendBuffer(chunk);
          } else if (body.tryFail("answer over " + MAX_BYTES + " bytes")) {
            response.request().reset();
          }
        });
    response.endHandler(end -> body.tryComplete(received));
    return body.future();
  }
}
