package io.lambdagateway.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One column of a Transfer table schema ({@code abstract.ColSchema} in Transfer), with the JSON
 * names {@code table_schema, table_name, path, name, type, key, fake_key, required, expression,
 * original_type, properties} in that order. {@code properties} is omitted from JSON when null or
 * empty; every other field is always written, as Transfer's Go encoder does.
 *
 * @param type a YT type name such as {@code utf8}, {@code datetime} or {@code any}
 * @param properties free-form column properties, or null
 */
public record ColumnSchema(
    String tableSchema,
    String tableName,
    String path,
    String name,
    String type,
    boolean key,
    boolean fakeKey,
    boolean required,
    String expression,
    String originalType,
    ObjectNode properties) {

  /** A column as a function declares it: no table names, path, expression or properties. */
  public static ColumnSchema of(String name, String type, boolean key, boolean required) {
    return new ColumnSchema("", "", "", name, type, key, false, required, "", "", null);
  }
}
