package io.lambdagateway.transfer;

import static io.lambdagateway.transfer.TransferJson.FACTORY;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Streaming codec of Transfer's batch bodies: the request {@code {"Records":[record...]}} that
 * Transfer POSTs to a function, and the response {@code {"Records":[result...]}} it reads back.
 *
 * <p>Reading ignores unknown fields and accepts any field order. Anything that is not a batch (not
 * JSON, no {@code Records} array, a record that is not an object or has no {@code cdc}, a known
 * field of the wrong type) is a {@link MalformedBatchException} whose message says what and where.
 * Writing follows Transfer's field names and order exactly.
 *
 * <p>A function that transforms a batch streams it: {@link #transformRecords} reads one request
 * record at a time and lets the function write that record's result straight into the response,
 * either as pre-encoded bytes of its own or through {@link #writeResult}.
 *
 * <p>This class is the public entry point only; the body's outer object, the request and result
 * records, their envelope fields and the change items each have a package-private codec of their
 * own.
 */
public final class BatchJson {

  /** The calling thread's buffer for {@link #writeRequestRecord}, kept up to this size. */
  private static final int RECORD_BUFFER_KEPT_BYTES = 256 * 1024;

  private static final ThreadLocal<ByteArrayOutputStream> RECORD_BUFFER =
      ThreadLocal.withInitial(() -> new ByteArrayOutputStream(16 * 1024));

  private static final byte[] RESPONSE_START = "{\"Records\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RESPONSE_END = "]}".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_FIRST_CHUNK = 1 << 20;

  private BatchJson() {}

  /**
   * Reads a request and writes the response in one pass, mapping each record in order; no list of
   * records is built, so memory stays proportional to one record plus the output.
   */
  public static byte[] mapRecords(byte[] request, Function<BatchRecord, ResultRecord> mapper) {
    ChangeItemWriter items = ChangeItemWriter.generic();
    return transformRecords(
        request, (record, out) -> writeResult(out, mapper.apply(record), items));
  }

  /**
   * Reads a request and lets {@code writer} write each record's result, in order, straight into the
   * response body, whatever its size.
   *
   * @throws MalformedBatchException when the request is not a batch
   */
  public static byte[] transformRecords(byte[] request, ResultWriter writer) {
    return transformRecords(request, Integer.MAX_VALUE, writer);
  }

  /**
   * Reads a request and lets {@code writer} write each record's result, in order, straight into a
   * response body of at most {@code maxResponseBytes}.
   *
   * @throws MalformedBatchException when the request is not a batch
   * @throws ResponseTooLargeException as soon as the response would exceed {@code
   *     maxResponseBytes}, having allocated no more than that for it
   */
  public static byte[] transformRecords(byte[] request, int maxResponseBytes, ResultWriter writer) {
    return transform(request, maxResponseBytes, writer).toByteArray();
  }

  /**
   * Reads a request and lets {@code writer} write each record's result, in order, straight into a
   * response body of at most {@code maxResponseBytes}, returned in the chunks it was written to.
   *
   * @throws MalformedBatchException when the request is not a batch
   * @throws ResponseTooLargeException as soon as the response would exceed {@code
   *     maxResponseBytes}, having allocated no more than that for it
   */
  public static ResponseBody transform(byte[] request, int maxResponseBytes, ResultWriter writer) {
    return transform(request, maxResponseBytes, null, writer);
  }

  /**
   * {@link #transform(byte[], int, ResultWriter)}, written into {@code pool}'s chunks unless the
   * answer will be small (see {@link ResponseOutput#ResponseOutput(int, int, ChunkPool)}); the
   * caller gives them back once it has sent the body.
   */
  public static ResponseBody transform(
      byte[] request, int maxResponseBytes, ChunkPool pool, ResultWriter writer) {
    // A compact answer of demo rows is 2.3 to 2.65 times its request (measured: the benchmarks'
    // batches of 6 KB to 5 MB), a full one 8.6 times: the first chunk covers a compact answer
    // whole, and a larger answer takes more chunks. A larger first chunk costs its zeroing: at 4
    // times the request, clearing bytes never written was 9 % of the enricher's CPU samples.
    long estimate = 11L * request.length / 4 + 64;
    ResponseOutput out =
        new ResponseOutput((int) Math.min(estimate, MAX_FIRST_CHUNK), maxResponseBytes, pool);
    out.append(RESPONSE_START);
    RecordsJson.read(
        request,
        "request",
        parser -> {
          if (out.length() > RESPONSE_START.length) {
            out.append((byte) ',');
          }
          writer.write(RequestRecordJson.read(parser, request), out);
        });
    out.append(RESPONSE_END);
    return out.finish();
  }

  /** All records of a request body, in order. */
  public static List<BatchRecord> readRequest(byte[] request) {
    List<BatchRecord> records = new ArrayList<>();
    RecordsJson.read(
        request, "request", parser -> records.add(RequestRecordJson.read(parser, null)));
    return records;
  }

  /**
   * All records of a response body, in order. {@code cdc_splitted}, the public example's name, is
   * read as {@code cdc_split}.
   */
  public static List<ResultRecord> readResponse(byte[] response) {
    List<ResultRecord> records = new ArrayList<>();
    ChangeItemReader reader = new ChangeItemReader(null);
    RecordsJson.read(
        response, "response", parser -> records.add(ResultRecordJson.read(parser, reader)));
    return records;
  }

  /**
   * All records of a response body, as {@link #readResponse} reads them, but with the string values
   * of their items kept as spans of {@code response} ({@link BodyText}): for a reader that writes
   * the values out again, as the pipeline's target serializer does.
   */
  public static List<ResultRecord> readResponseKeepingText(byte[] response) {
    List<ResultRecord> records = new ArrayList<>();
    ChangeItemReader reader = new ChangeItemReader(response);
    RecordsJson.read(
        response, "response", parser -> records.add(ResultRecordJson.read(parser, reader)));
    return records;
  }

  /** A request body exactly as Transfer sends it, including its null and empty envelope fields. */
  public static byte[] writeRequest(List<BatchRecord> records) {
    return RecordsJson.write(
        out -> {
          for (BatchRecord record : records) {
            RequestRecordJson.write(out, record);
          }
        });
  }

  /**
   * One record of a request, exactly as it appears among the {@code Records} that {@link
   * #writeRequest} writes. It is written into a buffer of the calling thread's and copied out once:
   * a buffer of its own per record, then the copy, took twice the record's bytes, for every message
   * the pipeline reads.
   */
  public static byte[] writeRequestRecord(BatchRecord record) {
    ByteArrayOutputStream bytes = RECORD_BUFFER.get();
    bytes.reset();
    try (JsonGenerator out = TransferJson.FACTORY.createGenerator(bytes)) {
      RequestRecordJson.write(out, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] written = bytes.toByteArray();
    if (bytes.size() > RECORD_BUFFER_KEPT_BYTES) {
      RECORD_BUFFER.remove(); // a rare large record's buffer is not kept
    }
    return written;
  }

  /** A response body in the full form, each result written as {@link ResultRecord} describes. */
  public static byte[] writeResponse(List<ResultRecord> results) {
    return writeResponse(results, ResponseForm.FULL);
  }

  /** A response body with its change items in {@code form}. */
  public static byte[] writeResponse(List<ResultRecord> results, ResponseForm form) {
    ChangeItemWriter items = ChangeItemWriter.generic(form);
    return RecordsJson.write(
        out -> {
          for (ResultRecord result : results) {
            ResultRecordJson.write(out, result, items);
          }
        });
  }

  /**
   * Writes one result record into the response with Jackson's generator, as {@link #writeResponse}
   * writes it; each change item ({@code cdc} and {@code cdc_split}) goes through {@code items},
   * which must write what {@link ChangeItemWriter#generic(ResponseForm)} writes in the response's
   * form.
   */
  public static void writeResult(ResponseOutput out, ResultRecord result, ChangeItemWriter items)
      throws IOException {
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      ResultRecordJson.write(generator, result, items);
    }
  }

  /** Writes the result of one request record into the response. */
  @FunctionalInterface
  public interface ResultWriter {
    void write(BatchRecord record, ResponseOutput out) throws IOException;
  }
}
