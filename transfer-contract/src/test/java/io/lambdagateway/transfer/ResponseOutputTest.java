package io.lambdagateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The response output buffer")
class ResponseOutputTest {

  @Test
  @DisplayName("Grows past its first size and returns exactly the bytes written")
  void growsAndReturnsExactBytes() {
    ResponseOutput out = new ResponseOutput(4);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      out.appendDigits(i);
      out.append((byte) ',');
      expected.append(i).append(',');
    }

    assertThat(text(out.toByteArray())).isEqualTo(expected.toString());
  }

  @Test
  @DisplayName("Truncating to a mark forgets what a fast path wrote after it")
  void truncateForgetsTheTail() {
    ResponseOutput out = new ResponseOutput(64);
    out.append(bytes("{\"a\":"));
    int mark = out.length();
    out.append(bytes("[1,2"));

    out.truncate(mark);
    out.append(bytes("null}"));

    assertThat(text(out.toByteArray())).isEqualTo("{\"a\":null}");
  }

  @Test
  @DisplayName("Writes a string itself only when the generator would write the same bytes")
  void plainStringsOnly() {
    ResponseOutput out = new ResponseOutput(64);

    assertThat(out.appendPlainString("CDC")).isTrue();
    assertThat(out.appendPlainString("a\"b")).isFalse();
    assertThat(out.appendPlainString("café")).isFalse();
    assertThat(out.appendPlainString("tab\t")).isFalse();
    assertThat(text(out.toByteArray())).isEqualTo("\"CDC\"");
  }

  @Test
  @DisplayName("The next response on the thread starts empty, whatever the previous one wrote")
  void reusedArrayStartsEmpty() {
    ResponseOutput first = new ResponseOutput(1024);
    first.append(bytes("previous response"));
    first.toByteArray();

    ResponseOutput second = new ResponseOutput(16);
    second.append(bytes("next"));

    assertThat(text(second.toByteArray())).isEqualTo("next");
  }

  @Test
  @DisplayName("Digits of zero and of the largest int are written exactly")
  void digits() {
    ResponseOutput out = new ResponseOutput(1);
    out.appendDigits(0);
    out.append((byte) ' ');
    out.appendDigits(Integer.MAX_VALUE);

    assertThat(text(out.toByteArray())).isEqualTo("0 2147483647");
  }

  @Test
  @DisplayName("A limited output takes exactly its limit and refuses the next byte")
  void limitIsInclusive() {
    ResponseOutput out = new ResponseOutput(4, 10);
    out.append(bytes("0123456789"));

    assertThat(out.remaining()).isZero();
    assertThatThrownBy(() -> out.append((byte) '!'))
        .isInstanceOf(ResponseTooLargeException.class)
        .extracting(e -> ((ResponseTooLargeException) e).limitBytes())
        .isEqualTo(10L);
  }

  @Test
  @DisplayName("A reused larger array does not lift the limit")
  void reusedArrayKeepsTheLimit() {
    ResponseOutput large = new ResponseOutput(4096);
    large.append(new byte[4096]);
    large.toByteArray();

    ResponseOutput limited = new ResponseOutput(16, 100);
    limited.append(new byte[100]);

    assertThatThrownBy(() -> limited.appendDigits(7)).isInstanceOf(ResponseTooLargeException.class);
  }

  @Test
  @DisplayName("Filling a limited output allocates about twice the limit at most, not the demand")
  void neverAllocatesPastTheLimit() {
    int limit = 4 << 20;
    byte[] chunk = new byte[1000];
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    ResponseOutput out = new ResponseOutput(64 << 20, limit);
    int written = 0;
    try {
      while (true) {
        out.append(chunk);
        written += chunk.length;
      }
    } catch (ResponseTooLargeException expected) {
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertThat(written).isGreaterThan(limit - chunk.length).isLessThanOrEqualTo(limit);
      // the array doubles up to the limit: 64 B + ... + limit < 2 * limit
      assertThat(allocated).isLessThan(2L * limit + (256 << 10));
    }
  }

  @Test
  @DisplayName("Truncating to a mark in an earlier chunk forgets the later chunks")
  void truncateAcrossChunks() {
    ResponseOutput out = new ResponseOutput(64);
    out.append(bytes("{\"a\":"));
    int mark = out.length();
    for (int i = 0; i < 1000; i++) {
      out.appendDigits(i);
    }
    out.truncate(mark);
    out.append(bytes("null}"));

    assertThat(text(out.finish().toByteArray())).isEqualTo("{\"a\":null}");
  }

  @Test
  @DisplayName("A body is handed over in the chunks it was written to, not copied into one array")
  void finishedBodyKeepsItsChunks() {
    ResponseOutput out = new ResponseOutput(64);
    byte[] large = new byte[10_000];
    java.util.Arrays.fill(large, (byte) 'x');
    out.append(bytes("["));
    out.append(large);
    out.append(bytes("]"));

    ResponseBody body = out.finish();
    java.util.List<byte[]> chunks = new java.util.ArrayList<>();
    StringBuilder joined = new StringBuilder();
    body.forEachChunk(
        (chunk, length) -> {
          chunks.add(chunk);
          joined.append(new String(chunk, 0, length, StandardCharsets.UTF_8));
        });

    assertThat(chunks).hasSizeGreaterThan(1);
    assertThat(body.length()).isEqualTo(10_002);
    assertThat(joined.toString()).isEqualTo("[" + "x".repeat(10_000) + "]");
    assertThat(text(body.toByteArray())).isEqualTo(joined.toString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
