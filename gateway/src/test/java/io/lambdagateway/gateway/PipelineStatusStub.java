package io.lambdagateway.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pipeline's status port as the gateway's dashboard reads it ({@code GET /status}, the JSON of
 * the pipeline's {@code StatusEndpoints}): the gateway's module cannot run a pipeline, so the tests
 * serve a fixed answer of the same shape from the JDK's HTTP server.
 */
final class PipelineStatusStub implements AutoCloseable {

  static final String STATUS =
      "{\"stalled\":false,\"rowsIn\":120,\"rowsOut\":118,\"rowsInPerSecond\":12.5,"
          + "\"rowsOutPerSecond\":12.25,\"dlqMessages\":2,\"stalledBatches\":0,\"lag\":7,"
          + "\"partitions\":[{\"topic\":\"source\",\"partition\":0,\"lag\":3},"
          + "{\"topic\":\"source\",\"partition\":1,\"lag\":4}]}";

  /** What an endless answer ({@code GET /endless}) sends at most, should nobody stop reading. */
  static final long ENDLESS_CAP = 256L << 20;

  private final HttpServer server;
  private final AtomicBoolean endlessCutOff = new AtomicBoolean();

  private PipelineStatusStub(HttpServer server) {
    this.server = server;
  }

  static PipelineStatusStub start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/status",
          exchange -> {
            byte[] body = STATUS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      PipelineStatusStub stub = new PipelineStatusStub(server);
      server.createContext("/endless", stub::endless);
      server.start();
      return stub;
    } catch (IOException cannotListen) {
      throw new UncheckedIOException(cannotListen);
    }
  }

  /** A status answer that never ends: JSON-looking chunks until the reader hangs up. */
  private void endless(HttpExchange exchange) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    chunk[0] = '[';
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < ENDLESS_CAP; sent += chunk.length) {
        out.write(chunk);
        chunk[0] = ' ';
      }
    } catch (IOException readerHungUp) {
      endlessCutOff.set(true);
    }
  }

  /** True once a reader of {@code /endless} hung up before the cap. */
  boolean endlessCutOff() {
    return endlessCutOff.get();
  }

  URI url() {
    return url("/status");
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
