package io.lambdagateway.enricher;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.lambdagateway.transfer.ColumnSchema;
import io.lambdagateway.transfer.TableSchema;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns of every item the enrichment emits, in this order: {@code ts} (datetime, key,
 * required: the row's {@code ts} text as sent), {@code ip} (utf8: the enricher's public address),
 * {@code data} (any: the {@code payload} object of the row's {@code data} JSON), {@code appid} and
 * {@code identity} (utf8: copied from that JSON). Later columns may only be appended.
 */
public final class EnrichedColumns {

  public static final List<String> NAMES = List.of("ts", "ip", "data", "appid", "identity");

  /** {@link #NAMES} as a JSON array, encoded once. */
  public static final SerializableString NAMES_JSON =
      new SerializedString(
          NAMES.stream().map(name -> '"' + name + '"').collect(Collectors.joining(",", "[", "]")));

  public static final TableSchema SCHEMA =
      TableSchema.of(
          List.of(
              ColumnSchema.of("ts", "datetime", true, true),
              ColumnSchema.of("ip", "utf8", false, false),
              ColumnSchema.of("data", "any", false, false),
              ColumnSchema.of("appid", "utf8", false, false),
              ColumnSchema.of("identity", "utf8", false, false)));

  private EnrichedColumns() {}
}
