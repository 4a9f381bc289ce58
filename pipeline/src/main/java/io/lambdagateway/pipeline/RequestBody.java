package io.lambdagateway.pipeline;

import java.util.List;

/**
 * A request body as the arrays it is made of, in order: a batch's request is its records' encoded
 * bytes between the {@code Records} envelope's, and joining them copied the whole request once more
 * for every call (a tenth of what the pipeline allocated). An invoker that can send the parts as
 * they are does ({@link HttpInvoker}); one that needs a single array joins them ({@link #joined}).
 * The arrays are not written to once they are a body's parts.
 *
 * @param parts the body's bytes, in order
 */
public record RequestBody(List<byte[]> parts) {

  public RequestBody {
    parts = List.copyOf(parts);
  }

  /** A body of one array. */
  public static RequestBody of(byte[] bytes) {
    return new RequestBody(List.of(bytes));
  }

  /** The body's length in bytes. */
  public int length() {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    return length;
  }

  /** The body as one array: the part itself when there is one, else the parts copied together. */
  public byte[] joined() {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    byte[] out = new byte[length()];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }
}
