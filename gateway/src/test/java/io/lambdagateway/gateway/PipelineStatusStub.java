package io.lambdagateway.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

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

  private final HttpServer server;

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
      server.start();
      return new PipelineStatusStub(server);
    } catch (IOException cannotListen) {
      throw new UncheckedIOException(cannotListen);
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/status");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
