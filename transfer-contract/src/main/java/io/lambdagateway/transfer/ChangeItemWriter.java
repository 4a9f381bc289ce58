package io.lambdagateway.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes one change item as one JSON value. {@link #generic(ResponseForm)} is the codec's own
 * writer, in Transfer's field names, order and omissions; a function may pass a faster writer of
 * its own to {@link BatchJson#writeResult}, which must write exactly the same bytes.
 */
@FunctionalInterface
public interface ChangeItemWriter {

  void write(JsonGenerator out, ChangeItem item) throws IOException;

  /** The codec's writer in the full form: every item, field by field. */
  static ChangeItemWriter generic() {
    return generic(ResponseForm.FULL);
  }

  /** The codec's writer in {@code form}: every item, field by field. */
  static ChangeItemWriter generic(ResponseForm form) {
    return (out, item) -> GenericChangeItemWriter.write(out, item, form);
  }
}
