package io.lambdagateway.producer;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Where line mode reads its messages: one Kafka message per non-blank line, UTF-8. The stream is
 * opened, read and closed on a worker thread, never on an event loop.
 *
 * @param description what to call the input in messages, e.g. the file name or {@code stdin}
 * @param opener opens the stream; called once, on a worker thread
 */
public record LineInput(String description, Callable<InputStream> opener) {

  public LineInput {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(opener, "opener");
  }

  /** The lines of a file. */
  public static LineInput file(Path path) {
    return new LineInput(path.toString(), () -> new FileInputStream(path.toFile()));
  }

  /** The lines of the process's standard input. */
  public static LineInput stdin() {
    return new LineInput("stdin", () -> System.in);
  }
}
