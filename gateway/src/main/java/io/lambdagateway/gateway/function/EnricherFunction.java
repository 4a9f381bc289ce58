package io.lambdagateway.gateway.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.enricher.Enricher;
import io.lambdagateway.gateway.json.Json;
import io.lambdagateway.gateway.json.JsonScan;
import io.lambdagateway.transfer.ChunkPool;
import io.lambdagateway.transfer.MalformedBatchException;
import io.lambdagateway.transfer.ResponseBody;
import io.lambdagateway.transfer.ResponseTooLargeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The enricher as a hosted function, using only {@link Enricher}'s public API.
 *
 * <p>Its event is a Transfer batch {@code {"Records":[...]}}: as the Invoke API payload, or as the
 * raw function-URL body (it declares {@code rawBody}, so the hot path skips the 2.0 wrapping).
 * Given a full function-URL event instead, it reads the batch from {@code body}, like the public
 * Node example's {@code event.body}; the result is the same either way. A malformed batch fails the
 * call with errorType {@code MalformedBatch}; an answer over the call's response limit stops as
 * soon as it would pass it, with {@code Function.ResponseSizeTooLarge}, so a batch of tiny rows
 * that would inflate dozens of times costs no more than the limit. Small batches run on the event
 * loop: the enricher is pure and costs about a microsecond of CPU per row, less than handing the
 * batch to a worker and back; batches over {@link FunctionTraits#CPU_INLINE_LIMIT_BYTES} (a 1 MB
 * batch of demo rows takes ~5 ms, the 6 MB limit ~30 ms) run on the gateway's CPU pool.
 *
 * <p>Its parse of the batch is the Invoke API's JSON check ({@link
 * FunctionTraits#parsesJsonEvent}), and its answer is sent in the chunks the enricher wrote it to
 * ({@link #answer}), never copied into one array. Answers expected to pass 32 KB are written into
 * the chunks of a {@link ChunkPool} that the gateway hands back once it has sent them ({@link
 * #payloadSent}); the pool keeps at most a fifth of the heap, and never more than {@link
 * #MAX_POOLED_BYTES}.
 */
public final class EnricherFunction implements LambdaFunction {

  /** The errorType of a batch the enricher cannot read at all. */
  public static final String MALFORMED_BATCH = "MalformedBatch";

  // non-blocking; the raw body from a function URL; on the CPU pool above the inline limit; its
  // answers are never structured responses; its parse is the Invoke API's JSON check
  private static final FunctionTraits TRAITS =
      new FunctionTraits(false, true, FunctionTraits.CPU_INLINE_LIMIT_BYTES, true, true);

  /** The length of a pooled answer chunk: a 2.4 MB answer is 37 of them, a 235 KB one 4. */
  static final int CHUNK_LENGTH = 64 * 1024;

  /** The most the pool keeps: the answers in flight at 16 concurrent 1 MB calls. */
  static final long MAX_POOLED_BYTES = 32L << 20;

  private final Enricher enricher;
  private final ChunkPool chunks;

  public EnricherFunction(Enricher enricher) {
    this(enricher, new ChunkPool(CHUNK_LENGTH, maxIdleChunks(Runtime.getRuntime().maxMemory())));
  }

  /** The enricher as a function whose answers are written into {@code chunks}' arrays. */
  public EnricherFunction(Enricher enricher, ChunkPool chunks) {
    this.enricher = enricher;
    this.chunks = chunks;
  }

  /** A fifth of the heap, at most {@link #MAX_POOLED_BYTES}, in chunks; at least one. */
  static int maxIdleChunks(long maxHeapBytes) {
    return (int) Math.max(1, Math.min(maxHeapBytes / 5, MAX_POOLED_BYTES) / CHUNK_LENGTH);
  }

  @Override
  public Future<Buffer> invoke(Buffer event, Invocation invocation) {
    try {
      byte[] batch = batchOf(bytesOf(event));
      int limit = (int) Math.min(invocation.maxResponseBytes(), Integer.MAX_VALUE);
      return Future.succeededFuture(answer(enricher.transformToBody(batch, limit, chunks)));
    } catch (MalformedBatchException malformed) {
      return Future.failedFuture(new FunctionError(MALFORMED_BATCH, malformed.getMessage()));
    } catch (ResponseTooLargeException tooLarge) {
      return Future.failedFuture(FunctionError.responseTooLarge(invocation.maxResponseBytes()));
    }
  }

  /** The answer's chunks go back to the pool; those that are not the pool's are dropped there. */
  @Override
  public void payloadSent(Buffer payload) {
    for (ByteBuffer chunk : ((BufferInternal) payload).getByteBuf().nioBuffers()) {
      if (chunk.hasArray()) {
        chunks.giveBack(chunk.array());
      }
    }
  }

  @Override
  public FunctionTraits traits() {
    return TRAITS;
  }

  @Override
  public String handlerName() {
    return Enricher.class.getName() + "::transform";
  }

  /**
   * The body as a buffer over the enricher's own chunks: the HTTP response writes them as they are.
   * They are plain heap arrays, which Netty never releases: the wrapper is unreleasable, so a
   * buffer written once can still be read after, until it is handed back through {@link
   * #payloadSent}.
   */
  static Buffer answer(ResponseBody body) {
    List<ByteBuf> chunks = new ArrayList<>();
    body.forEachChunk((chunk, length) -> chunks.add(Unpooled.wrappedBuffer(chunk, 0, length)));
    ByteBuf all =
        chunks.size() == 1
            ? chunks.get(0)
            : Unpooled.wrappedBuffer(chunks.size(), chunks.toArray(ByteBuf[]::new));
    return BufferInternal.buffer(Unpooled.unreleasableBuffer(all));
  }

  /**
   * The event's bytes: the array behind it when that holds exactly them, as a body read whole does,
   * else a copy. The enricher only reads them, so sharing costs nothing and saves copying the whole
   * batch once more per call.
   */
  static byte[] bytesOf(Buffer event) {
    ByteBuf bytes = ((BufferInternal) event).getByteBuf();
    boolean exact =
        bytes.hasArray()
            && bytes.arrayOffset() == 0
            && bytes.readerIndex() == 0
            && bytes.readableBytes() == bytes.array().length;
    return exact ? bytes.array() : event.getBytes();
  }

  /** The batch itself, unwrapping a payload-format-2.0 event when given one. */
  private static byte[] batchOf(byte[] event) {
    if (!"version".equals(JsonScan.firstField(event))) {
      return event;
    }
    try {
      JsonNode wrapped = Json.MAPPER.readTree(event);
      if (!wrapped.has("requestContext")) {
        return event;
      }
      String body = wrapped.path("body").asText("");
      return wrapped.path("isBase64Encoded").asBoolean(false)
          ? Base64.getDecoder().decode(body)
          : body.getBytes(StandardCharsets.UTF_8);
    } catch (IOException | IllegalArgumentException unreadable) {
      throw new MalformedBatchException("unreadable function-URL event", unreadable);
    }
  }
}
