package io.lambdagateway.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.pipeline.SourceRecord;
import io.lambdagateway.pipeline.TransferRequests;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.ChangeItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public example's Node.js enricher ({@code examples/node-enricher/main.js}, byte for byte the
 * shared fixture) hosted unmodified beside the Java enricher in one real gateway; the same
 * generated Transfer batches go through both, through their function URLs (what Transfer calls) and
 * through the Invoke API, and the results are compared record by record and item by item.
 *
 * <p>Everything is compared exactly (eventIDs, statuses, item counts and order, column names,
 * column values as exact JSON) except these differences, each pinned by {@link
 * NodeEnricherDifferencesTest}:
 *
 * <ul>
 *   <li>from JavaScript: {@code commitTime} above 2^53 comes back as the nearest double (written in
 *       JavaScript's shortest form), as do such numbers inside {@code payload}; payload numbers
 *       come back in JavaScript's form ({@code 1.0} → {@code 1}) and integer-like object keys
 *       first; {@code atob} decodes a value to one character per byte, so non-ASCII text that is
 *       not percent-encoded comes out garbled;
 *   <li>from the example's code: the list is {@code cdc_splitted}; an item carries only {@code
 *       commitTime, kind, table, columnnames, columnvalues, table_schema}, with {@code table}
 *       always {@code "source-topic"} and a schema of name/type/key/required; a result echoes only
 *       {@code eventID, invokeIdentityArn, eventVersion, eventName, eventSourceARN}; a record
 *       without rows is {@code Split} with no items where Java says {@code Dropped}; bad rows and
 *       tombstones are not detected.
 * </ul>
 */
@DisplayName("Differential: the public example's Node enricher, hosted unmodified, vs the Java one")
@ExtendWith(BlockedThreadGuard.class)
class NodeEnricherDifferentialTest {

  static final Path NODE_ENRICHER = Path.of("..", "examples", "node-enricher");
  private static final long NANOS_BASE = 1_718_876_759_101_000_000L;

  private static EnricherPair enrichers;

  @BeforeAll
  static void startGateway() {
    enrichers = EnricherPair.start(NODE_ENRICHER);
  }

  @AfterAll
  static void stopGateway() {
    enrichers.close();
  }

  static Stream<Arguments> batches() {
    return Stream.of(
        Arguments.of("an empty batch (Transfer's probe)", List.of()),
        Arguments.of("one message", new DifferentialMessages(1).next(1)),
        Arguments.of("10 messages of every shape", new DifferentialMessages(2).next(10)),
        Arguments.of("60 messages of every shape", new DifferentialMessages(3).next(60)),
        Arguments.of("one message of 2,000 rows", List.of(DifferentialMessages.manyRows(4, 2000))),
        Arguments.of("250 messages of every shape", new DifferentialMessages(5).next(250)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batches")
  @DisplayName("the same batch gives the same results through both function URLs")
  void sameResultsThroughFunctionUrls(String name, List<String> messages) {
    for (boolean nanos : new boolean[] {false, true}) {
      byte[] batch = batch(messages, nanos);

      JsonNode java = enrichers.javaByUrl(batch);
      JsonNode node = enrichers.nodeByUrl(batch);

      EnricherResults.assertSame(java, node);
      assertThat(java.path("Records")).hasSize(messages.size());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batches")
  @DisplayName("the Invoke API gives each function the same results as its function URL")
  void invokeApiMatchesFunctionUrl(String name, List<String> messages) {
    byte[] batch = batch(messages, true);

    assertThat(enrichers.javaByInvokeApi(batch)).isEqualTo(enrichers.javaByUrl(batch));
    assertThat(enrichers.nodeByInvokeApi(batch)).isEqualTo(enrichers.nodeByUrl(batch));
  }

  /**
   * The pipeline's request for {@code messages} (one per offset of a partition); with {@code
   * nanos}, commit times carry nanoseconds, as those of a database source do.
   */
  static byte[] batch(List<String> messages, boolean nanos) {
    TransferRequests requests = new TransferRequests();
    List<BatchRecord> records = new ArrayList<>();
    for (int offset = 0; offset < messages.size(); offset++) {
      byte[] value = messages.get(offset).getBytes(StandardCharsets.UTF_8);
      BatchRecord record =
          requests.record(
              new SourceRecord("source", 0, offset, 1_718_876_759_101L + offset, null, value));
      records.add(nanos ? withCommitTime(record, NANOS_BASE + offset * 7_919L + 1) : record);
    }
    return BatchJson.writeRequest(records);
  }

  static BatchRecord withCommitTime(BatchRecord record, long commitTime) {
    ChangeItem c = record.cdc();
    return new BatchRecord(
        new ChangeItem(
            c.id(),
            c.nextLsn(),
            commitTime,
            c.txPosition(),
            c.kind(),
            c.schema(),
            c.table(),
            c.part(),
            c.columnNames(),
            c.columnValues(),
            c.tableSchema(),
            c.oldKeys(),
            c.txId(),
            c.query()),
        record.envelope());
  }
}
