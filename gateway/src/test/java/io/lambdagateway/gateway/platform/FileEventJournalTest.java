package io.lambdagateway.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Event journal on a real file system: what survives a restart, a crash and a damaged line. */
@DisplayName("The Event journal file")
class FileEventJournalTest {

  private final Vertx vertx = Vertx.vertx();

  @TempDir Path state;

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  private static QueuedEvent event(String id, String payload) {
    return new QueuedEvent(
        id, "f", Instant.now().truncatedTo(ChronoUnit.MILLIS), Buffer.buffer(payload));
  }

  private Path journalFile() {
    return state.resolve(FileEventJournal.FILE_NAME);
  }

  @Test
  @DisplayName("events appended and not removed are recovered by the next open, in order")
  void recoversUnfinishedEvents() {
    QueuedEvent first = event("a", "{\"n\":1}");
    QueuedEvent second = event("b", "{\"n\":2}");
    QueuedEvent third = event("c", "{\"n\":3}");
    FileEventJournal journal = FileEventJournal.open(vertx, state);
    journal.append(first).await();
    journal.append(second).await();
    journal.append(third).await();
    journal.remove("b").await();
    journal.close().await();

    FileEventJournal reopened = FileEventJournal.open(vertx, state);

    assertThat(reopened.recovered()).containsExactly(first, third);
    reopened.close().await();
  }

  @Test
  @DisplayName("a line cut short by a crash is skipped; the events before it are recovered")
  void skipsATornLine() throws IOException {
    QueuedEvent kept = event("kept", "{\"n\":1}");
    FileEventJournal journal = FileEventJournal.open(vertx, state);
    journal.append(kept).await();
    journal.close().await();
    Files.write(
        journalFile(),
        "{\"id\":\"torn\",\"function\":\"f\",\"accep".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    FileEventJournal reopened = FileEventJournal.open(vertx, state);

    assertThat(reopened.recovered()).containsExactly(kept);
    assertThat(Files.readString(journalFile())).doesNotContain("torn");
    reopened.close().await();
  }

  @Test
  @DisplayName("damaged bytes or a wrong shape in the middle are skipped alone")
  void skipsDamagedLines() throws IOException {
    Files.write(
        journalFile(),
        List.of(
            "{\"id\":\"a\",\"function\":\"f\",\"acceptedAt\":1,\"payload\":\"e30=\"}",
            "\u0000\u0000garbage",
            "{\"id\":\"b\",\"function\":\"f\",\"acceptedAt\":\"x\",\"payload\":\"e30=\"}",
            "{\"id\":\"c\",\"function\":\"f\",\"acceptedAt\":2,\"payload\":\"not base64!\"}",
            "{\"id\":\"d\",\"function\":\"f\",\"acceptedAt\":3,\"payload\":\"e30=\"}"));

    FileEventJournal journal = FileEventJournal.open(vertx, state);

    assertThat(journal.recovered()).extracting(QueuedEvent::requestId).containsExactly("a", "d");
    assertThat(journal.recovered().get(0).payload().toString()).isEqualTo("{}");
    journal.close().await();
  }

  @Test
  @DisplayName("a second gateway cannot open a state directory in use")
  void locksTheDirectory() {
    FileEventJournal journal = FileEventJournal.open(vertx, state);

    assertThatThrownBy(() -> FileEventJournal.open(vertx, state))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another gateway is using it");
    journal.close().await();
    FileEventJournal.open(vertx, state).close().await();
  }

  @Test
  @DisplayName("once over 4 MiB and mostly finished work, the file is compacted to the live events")
  void compacts() throws IOException {
    String megabyte = "\"" + "x".repeat(1024 * 1024) + "\"";
    FileEventJournal journal = FileEventJournal.open(vertx, state);
    for (int i = 0; i < 5; i++) {
      journal.append(event("big-" + i, megabyte)).await();
    }
    QueuedEvent small = event("small", "{}");
    journal.append(small).await();
    long before = Files.size(journalFile());
    for (int i = 0; i < 5; i++) {
      journal.remove("big-" + i).await();
    }

    assertThat(before).isGreaterThan(5L * 1024 * 1024);
    // compacted when over 4 MiB with most of it finished; what is left stays under that floor
    assertThat(Files.size(journalFile())).isLessThan(Math.min(before / 2, 4L * 1024 * 1024));
    journal.close().await();
    FileEventJournal reopened = FileEventJournal.open(vertx, state);
    assertThat(reopened.recovered()).containsExactly(small);
    reopened.close().await();
  }
}
