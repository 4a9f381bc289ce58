package io.lambdagateway.gateway.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Inflates a request body sent with {@code Content-Encoding: gzip} or {@code deflate} (zlib, or raw
 * deflate as some clients send), never past a limit, so that a small compressed body cannot make
 * the gateway allocate more than the limit it would accept uncompressed. Blocking CPU work: run it
 * off the event loop.
 */
final class BodyDecoder {

  /** The inflated body would pass the limit. */
  static final class TooLargeInflated extends Exception {
    TooLargeInflated() {
      super(null, null, false, false);
    }
  }

  private BodyDecoder() {}

  /** Whether bodies with this {@code Content-Encoding} are inflated (others pass unchanged). */
  static boolean inflates(String encoding) {
    return encoding != null
        && switch (encoding.trim().toLowerCase(Locale.ROOT)) {
          case "gzip", "x-gzip", "deflate", "x-deflate" -> true;
          default -> false;
        };
  }

  /**
   * The inflated bytes of {@code body}.
   *
   * @throws IOException when the bytes are not valid in the encoding (or end too early)
   * @throws TooLargeInflated when they inflate to more than {@code limit} bytes
   */
  static byte[] inflate(String encoding, byte[] body, long limit)
      throws IOException, TooLargeInflated {
    boolean gzip = encoding.trim().toLowerCase(Locale.ROOT).endsWith("gzip");
    Inflater inflater = new Inflater(!gzip && !zlibHeader(body));
    try (InputStream in =
        gzip
            ? new GZIPInputStream(new ByteArrayInputStream(body))
            : new InflaterInputStream(new ByteArrayInputStream(body), inflater)) {
      byte[] inflated = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      if (inflated.length > limit) {
        throw new TooLargeInflated();
      }
      return inflated;
    } finally {
      inflater.end();
    }
  }

  /** HTTP's deflate is zlib-wrapped; a body without the zlib header is taken as raw deflate. */
  private static boolean zlibHeader(byte[] body) {
    return body.length >= 2
        && (body[0] & 0x0F) == 8
        && (((body[0] & 0xFF) << 8) | (body[1] & 0xFF)) % 31 == 0;
  }
}
