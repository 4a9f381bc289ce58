package io.lambdagateway.gateway.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.enricher.EnricherConfig;
import io.lambdagateway.transfer.BatchJson;
import io.lambdagateway.transfer.BatchRecord;
import io.lambdagateway.transfer.ChunkPool;
import io.lambdagateway.transfer.LambdaLimits;
import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Zero-copy answers: the enricher's answer goes out in the chunks it was written to, not copied
 * into one array and then into a buffer. Those chunks come from the function's pool and go back to
 * it only when the gateway hands the payload back; nothing Netty releases is involved.
 */
@DisplayName("The enricher function's answer buffer")
class EnricherFunctionTest {

  private static final Path GOLDEN = Path.of("../enricher/src/test/resources/golden");
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final Enricher enricher = Enricher.create(new EnricherConfig("203.0.113.7", false));
  private final EnricherFunction function = new EnricherFunction(enricher);

  @Test
  @DisplayName("holds the enricher's bytes, allocating at least one answer's size less than a copy")
  void answerIsNotCopied() throws IOException {
    byte[] batch = batchOfAboutOneMegabyte();
    int limit = LambdaLimits.MAX_RESPONSE_BYTES;
    byte[] expected = enricher.transform(batch, limit);
    Buffer event = Buffer.buffer(batch);
    for (int warm = 0; warm < 3; warm++) {
      invoke(event, limit);
      copyingAnswer(event, limit);
    }

    long before = THREADS.getCurrentThreadAllocatedBytes();
    Buffer answer = invoke(event, limit).result();
    long zeroCopy = THREADS.getCurrentThreadAllocatedBytes() - before;
    before = THREADS.getCurrentThreadAllocatedBytes();
    copyingAnswer(event, limit);
    long copied = THREADS.getCurrentThreadAllocatedBytes() - before;

    assertThat(answer.getBytes()).isEqualTo(expected);
    assertThat(zeroCopy).isLessThan(copied - expected.length);
  }

  @Test
  @DisplayName("reads an event that fills its own array from that array, and copies any other")
  void eventBytesAreSharedOnlyWhenExact() throws IOException {
    byte[] batch = golden("demo.request.json");
    Buffer whole = Buffer.buffer(batch);
    Buffer withSpareRoom = Buffer.buffer(batch.length * 2).appendBytes(batch);

    assertThat(EnricherFunction.bytesOf(whole))
        .isEqualTo(batch)
        .isSameAs(EnricherFunction.bytesOf(whole));
    assertThat(EnricherFunction.bytesOf(withSpareRoom))
        .isEqualTo(batch)
        .isNotSameAs(EnricherFunction.bytesOf(withSpareRoom));
    assertThat(EnricherFunction.bytesOf(whole.slice(1, batch.length)))
        .isEqualTo(Arrays.copyOfRange(batch, 1, batch.length));
  }

  @Test
  @DisplayName("stays readable after the socket write releases it, with nothing left to free")
  void nothingToRelease() throws IOException {
    Buffer answer = invoke(golden("demo.request.json"), LambdaLimits.MAX_RESPONSE_BYTES).result();
    byte[] before = answer.getBytes();

    // what Netty does with the buffer Vert.x hands it once written
    ByteBuf written = ((BufferInternal) answer).getByteBuf();
    written.release();

    assertThat(written.refCnt()).isEqualTo(1);
    assertThat(answer.getBytes()).isEqualTo(before);
  }

  @Test
  @DisplayName("a large answer handed back lends its chunks to the next, which holds only its own")
  void chunksHandedBackAreReused() throws IOException {
    ChunkPool pool = new ChunkPool(EnricherFunction.CHUNK_LENGTH, 1000);
    EnricherFunction pooled = new EnricherFunction(enricher, pool);
    byte[] large = batchOfAboutOneMegabyte();
    byte[] smaller = batchOf(golden("demo.request.json"), 40);
    Buffer first = invoke(pooled, Buffer.buffer(large), LambdaLimits.MAX_RESPONSE_BYTES).result();
    int firstChunks = ((BufferInternal) first).getByteBuf().nioBufferCount();

    pooled.payloadSent(first);
    int idle = pool.idleChunks();
    Buffer second =
        invoke(pooled, Buffer.buffer(smaller), LambdaLimits.MAX_RESPONSE_BYTES).result();

    assertThat(idle).isEqualTo(firstChunks).isGreaterThan(1);
    assertThat(pool.idleChunks()).isLessThan(idle);
    assertThat(second.getBytes()).isEqualTo(enricher.transform(smaller));
  }

  @Test
  @DisplayName("a small answer takes no pooled chunk, and handing it back keeps none")
  void smallAnswerIsNotPooled() throws IOException {
    ChunkPool pool = new ChunkPool(EnricherFunction.CHUNK_LENGTH, 1000);
    EnricherFunction pooled = new EnricherFunction(enricher, pool);
    pool.giveBack(new byte[EnricherFunction.CHUNK_LENGTH]);
    Buffer event = Buffer.buffer(golden("demo.request.json"));

    Buffer answer = invoke(pooled, event, LambdaLimits.MAX_RESPONSE_BYTES).result();
    pooled.payloadSent(answer);

    assertThat(pool.idleChunks()).isEqualTo(1);
  }

  @Test
  @DisplayName("the pool keeps a fifth of the heap in chunks, at most 32 MB and at least one chunk")
  void poolBound() {
    assertThat(EnricherFunction.maxIdleChunks(160L << 20)).isEqualTo(512);
    assertThat(EnricherFunction.maxIdleChunks(100L << 20)).isEqualTo(320);
    assertThat(EnricherFunction.maxIdleChunks(4L << 30)).isEqualTo(512);
    assertThat(EnricherFunction.maxIdleChunks(1 << 20)).isEqualTo(3);
    assertThat(EnricherFunction.maxIdleChunks(0)).isEqualTo(1);
  }

  @Test
  @DisplayName("an answer over the limit fails the call with ResponseSizeTooLarge, and no buffer")
  void tooLargeFails() throws IOException {
    Future<Buffer> answer = invoke(golden("demo.request.json"), 1000);

    assertThat(answer.failed()).isTrue();
    assertThat(((FunctionError) answer.cause()).errorType())
        .isEqualTo("Function.ResponseSizeTooLarge");
  }

  /** The answer as it was made before: one array of the answer, copied into a new buffer. */
  private Buffer copyingAnswer(Buffer event, int limit) {
    return Buffer.buffer(enricher.transform(event.getBytes(), limit));
  }

  private Future<Buffer> invoke(byte[] batch, long maxResponseBytes) {
    return invoke(Buffer.buffer(batch), maxResponseBytes);
  }

  private Future<Buffer> invoke(Buffer event, long maxResponseBytes) {
    return invoke(function, event, maxResponseBytes);
  }

  private static Future<Buffer> invoke(
      EnricherFunction function, Buffer event, long maxResponseBytes) {
    Invocation invocation =
        new Invocation(
            "request-1",
            "arn:aws:lambda:us-east-1:000000000000:function:enricher",
            "$LATEST",
            Long.MAX_VALUE,
            new InvocationLog("request-1"),
            Optional.empty(),
            new NoPhases(),
            maxResponseBytes);
    return function.invoke(event, invocation);
  }

  /** The golden demo batch's records, repeated to about 1 MB. */
  private static byte[] batchOfAboutOneMegabyte() throws IOException {
    byte[] demo = golden("demo.request.json");
    return batchOf(demo, (1 << 20) / demo.length);
  }

  /** {@code batch}'s records, {@code times} over. */
  private static byte[] batchOf(byte[] batch, int times) {
    List<BatchRecord> records = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      records.addAll(BatchJson.readRequest(batch));
    }
    return BatchJson.writeRequest(records);
  }

  private static byte[] golden(String file) throws IOException {
    return Files.readAllBytes(GOLDEN.resolve(file));
  }

  /** A call without an init phase. */
  private static final class NoPhases implements CallPhases {
    @Override
    public void initPhaseStarts() {}

    @Override
    public long invokePhaseStarts() {
      return Long.MAX_VALUE;
    }
  }
}
