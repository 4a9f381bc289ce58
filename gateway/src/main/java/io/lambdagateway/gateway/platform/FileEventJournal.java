package io.lambdagateway.gateway.platform;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Event journal as one append-only file, {@value #FILE_NAME}, in the state directory (format:
 * {@link JournalLines}).
 *
 * <p>An accepted event's line is written and fsync'd before {@link #append} completes, so a 202
 * means the event is on disk. A finished event's {@code done} line is written without fsync: after
 * a crash it may be missing and the event runs once more (at least once, as on AWS). All file work
 * runs on one worker thread. When the file holds more than {@value #COMPACT_FLOOR} bytes and less
 * than half of them are still needed, it is rewritten with the live events only; it is also
 * rewritten at every start. A lock file keeps a second gateway out of the same directory.
 */
public final class FileEventJournal implements EventJournal {

  static final String FILE_NAME = "events.jsonl";
  static final String WORKER_POOL = "lambda-gateway-event-state";
  private static final String LOCK_NAME = "events.lock";
  private static final long COMPACT_FLOOR = 4L * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(FileEventJournal.class);

  private record Live(QueuedEvent event, long bytes) {}

  private final Path file;
  private final WorkerExecutor writer;
  private final FileChannel lockChannel;
  private final Map<String, Live> live = new LinkedHashMap<>();
  private final List<QueuedEvent> recovered;
  private FileChannel channel;
  private long liveBytes;

  private FileEventJournal(
      Vertx vertx, Path file, FileChannel lockChannel, List<QueuedEvent> recovered) {
    this.file = file;
    this.lockChannel = lockChannel;
    this.recovered = List.copyOf(recovered);
    this.writer = vertx.createSharedWorkerExecutor(WORKER_POOL, 1);
  }

  /**
   * Opens the journal in {@code directory} (created if missing), reading what an earlier run left:
   * blocking, call it from a plain thread at start-up. Unreadable lines are skipped with one log
   * line.
   *
   * @throws IllegalArgumentException with one line when the directory cannot be used or another
   *     gateway holds it
   */
  public static FileEventJournal open(Vertx vertx, Path directory) {
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(directory);
      lockChannel = lock(directory);
      Path file = directory.resolve(FILE_NAME);
      List<QueuedEvent> recovered = replay(file);
      FileEventJournal journal = new FileEventJournal(vertx, file, lockChannel, recovered);
      try {
        journal.rewrite(recovered);
      } catch (IOException cannotWrite) {
        journal.writer.close();
        throw cannotWrite;
      }
      return journal;
    } catch (IOException | UncheckedIOException cannotUse) {
      closeQuietly(lockChannel);
      throw new IllegalArgumentException(
          "state directory " + directory + " cannot be used: " + cannotUse.getMessage(), cannotUse);
    }
  }

  @Override
  public List<QueuedEvent> recovered() {
    return recovered;
  }

  @Override
  public Future<Void> append(QueuedEvent event) {
    return write(
        () -> {
          byte[] line = JournalLines.accepted(event);
          writeFully(line);
          channel.force(false);
          live.put(event.requestId(), new Live(event, line.length));
          liveBytes += line.length;
        });
  }

  @Override
  public Future<Void> remove(String requestId) {
    return write(
        () -> {
          Live gone = live.remove(requestId);
          if (gone == null) {
            return;
          }
          liveBytes -= gone.bytes();
          writeFully(JournalLines.done(requestId));
          long size = channel.size();
          if (size > COMPACT_FLOOR && size > 2 * liveBytes) {
            rewrite(live.values().stream().map(Live::event).toList());
          }
        });
  }

  @Override
  public Future<Void> close() {
    return write(
            () -> {
              channel.close();
              channel = null;
              closeQuietly(lockChannel);
            })
        .onComplete(done -> writer.close());
  }

  private interface FileWork {
    void run() throws IOException;
  }

  private Future<Void> write(FileWork work) {
    return writer.executeBlocking(
        () -> {
          synchronized (this) {
            if (channel == null) {
              throw new IOException("the event journal " + file + " is closed");
            }
            work.run();
            return null;
          }
        },
        false);
  }

  private void writeFully(byte[] line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(line);
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /**
   * Replaces the file with {@code events} only: written beside it, fsync'd, then renamed over it,
   * so a crash leaves either the old file or the new one.
   */
  private synchronized void rewrite(List<QueuedEvent> events) throws IOException {
    Path fresh = file.resolveSibling(FILE_NAME + ".tmp");
    Map<String, Live> rewritten = new LinkedHashMap<>();
    long bytes = 0;
    try (FileChannel out =
        FileChannel.open(
            fresh,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      for (QueuedEvent event : events) {
        byte[] line = JournalLines.accepted(event);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        rewritten.put(event.requestId(), new Live(event, line.length));
        bytes += line.length;
      }
      out.force(true);
    }
    if (channel != null) {
      channel.close();
    }
    Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(file.getParent());
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    live.clear();
    live.putAll(rewritten);
    liveBytes = bytes;
  }

  private static List<QueuedEvent> replay(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    // the default decoder replaces malformed bytes, so a damaged line fails as JSON, alone
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      JournalLines.Replay replay = JournalLines.replay(reader);
      if (replay.unreadable() > 0) {
        LOG.warn(
            "Event journal {}: skipped {} unreadable line(s), the first at line {} (a write cut"
                + " short by a crash is never an accepted event)",
            file,
            replay.unreadable(),
            replay.firstUnreadableLine());
      }
      return new ArrayList<>(replay.live().values());
    }
  }

  private static FileChannel lock(Path directory) throws IOException {
    FileChannel channel =
        FileChannel.open(
            directory.resolve(LOCK_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException heldHere) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("another gateway is using it");
    }
    return channel;
  }

  /** Makes a rename durable: Linux needs the directory itself fsync'd. */
  private static void syncDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException notSupported) {
      // some file systems cannot open a directory for reading; the rename is still atomic
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException alreadyGone) {
      // closing releases the lock whatever close reports
    }
  }
}
