package io.lambdagateway.gateway.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.json.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * An on-failure destination that appends each invocation record as one JSON line to a file (created
 * with its directory if missing), fsync'd before the event leaves the journal. Writes run on the
 * state directory's worker thread.
 */
public final class FileEventDestination implements EventDestination {

  /** The file's name in the state directory. */
  public static final String FILE_NAME = "event-failures.jsonl";

  private final Path file;
  private final WorkerExecutor writer;

  public FileEventDestination(Vertx vertx, Path file) {
    this.file = file;
    this.writer = vertx.createSharedWorkerExecutor(FileEventJournal.WORKER_POOL, 1);
  }

  @Override
  public Future<Void> deliver(ObjectNode invocationRecord) {
    return writer.executeBlocking(
        () -> {
          byte[] json = Json.bytes(invocationRecord);
          byte[] line = Arrays.copyOf(json, json.length + 1);
          line[json.length] = '\n';
          Files.createDirectories(file.toAbsolutePath().getParent());
          try (FileChannel out =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(line);
            while (bytes.hasRemaining()) {
              out.write(bytes);
            }
            out.force(false);
          }
          return null;
        },
        false);
  }

  @Override
  public Future<Void> close() {
    return writer.close();
  }
}
