package io.lambdagateway.producer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One message per non-blank line of a {@link LineInput}. All reading happens in ordered blocking
 * tasks on a worker thread, so a slow file or an idle stdin never stalls the event loop.
 */
final class LineMessageSource implements MessageSource {

  private final Vertx vertx;
  private final LineInput input;
  private final long limit;
  private BufferedReader reader;
  private long read;
  private boolean ended;

  /** Reads at most {@code limit} lines, or all of them when {@code limit} is 0. */
  LineMessageSource(Vertx vertx, LineInput input, long limit) {
    this.vertx = vertx;
    this.input = input;
    this.limit = limit;
  }

  @Override
  public Future<List<String>> next(int max) {
    return vertx.executeBlocking(() -> readLines(max), true);
  }

  @Override
  public Future<Void> close() {
    return vertx.executeBlocking(
        () -> {
          if (reader != null) {
            reader.close();
          }
          return null;
        },
        true);
  }

  private List<String> readLines(int max) throws Exception {
    List<String> lines = new ArrayList<>();
    if (reader == null) {
      reader =
          new BufferedReader(new InputStreamReader(input.opener().call(), StandardCharsets.UTF_8));
    }
    while (!ended && lines.size() < max && (limit == 0 || read < limit)) {
      String line = readLine();
      if (line == null) {
        ended = true;
      } else if (!line.isBlank()) {
        lines.add(line);
        read++;
      }
    }
    return lines;
  }

  private String readLine() throws IOException {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new IOException("cannot read " + input.description() + ": " + e.getMessage(), e);
    }
  }
}
