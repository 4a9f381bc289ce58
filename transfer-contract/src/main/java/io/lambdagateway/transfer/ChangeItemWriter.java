package io.lambdagateway.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes one change item as one JSON value. {@link #generic()} is the codec's own writer, in
 * Transfer's field names, order and omissions; a function may pass a faster writer of its own to
 * {@link BatchJson#writeResult}, which must write exactly the same bytes.
 */
@FunctionalInterface
public interface ChangeItemWriter {

  void write(JsonGenerator out, ChangeItem item) throws IOException;

  /** The codec's writer: every item, field by field. */
  static ChangeItemWriter generic() {
    return GenericChangeItemWriter::write;
  }
}
