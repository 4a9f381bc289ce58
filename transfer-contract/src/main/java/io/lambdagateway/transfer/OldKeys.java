package io.lambdagateway.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code oldkeys} of a change item: the key of the row before an update or delete. In JSON each
 * of {@code keynames, keytypes, keyvalues} is omitted when empty, so an insert carries {@code
 * "oldkeys":{}}.
 */
public record OldKeys(List<String> keyNames, List<String> keyTypes, List<JsonNode> keyValues) {

  /** No old key, as on every insert. */
  public static final OldKeys NONE = new OldKeys(List.of(), List.of(), List.of());

  public OldKeys {
    keyNames = List.copyOf(keyNames);
    keyTypes = List.copyOf(keyTypes);
    keyValues = List.copyOf(keyValues);
  }
}
