package io.lambdagateway.transfer;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The JSON field names of Transfer's batch, pre-encoded: writing a pre-encoded name is a copy, not
 * a character-by-character escape check, and names are most of the fields written per item.
 */
final class FieldNames {

  static final SerializableString ID = new SerializedString("id");
  static final SerializableString NEXT_LSN = new SerializedString("nextlsn");
  static final SerializableString COMMIT_TIME = new SerializedString("commitTime");
  static final SerializableString TX_POSITION = new SerializedString("txPosition");
  static final SerializableString KIND = new SerializedString("kind");
  static final SerializableString SCHEMA = new SerializedString("schema");
  static final SerializableString TABLE = new SerializedString("table");
  static final SerializableString PART = new SerializedString("part");
  static final SerializableString COLUMN_NAMES = new SerializedString("columnnames");
  static final SerializableString COLUMN_VALUES = new SerializedString("columnvalues");
  static final SerializableString TABLE_SCHEMA = new SerializedString("table_schema");
  static final SerializableString OLD_KEYS = new SerializedString("oldkeys");
  static final SerializableString TX_ID = new SerializedString("tx_id");
  static final SerializableString QUERY = new SerializedString("query");
  static final SerializableString TABLE_NAME = new SerializedString("table_name");
  static final SerializableString PATH = new SerializedString("path");
  static final SerializableString NAME = new SerializedString("name");
  static final SerializableString TYPE = new SerializedString("type");
  static final SerializableString KEY = new SerializedString("key");
  static final SerializableString FAKE_KEY = new SerializedString("fake_key");
  static final SerializableString REQUIRED = new SerializedString("required");
  static final SerializableString EXPRESSION = new SerializedString("expression");
  static final SerializableString ORIGINAL_TYPE = new SerializedString("original_type");
  static final SerializableString PROPERTIES = new SerializedString("properties");
  static final SerializableString KEY_NAMES = new SerializedString("keynames");
  static final SerializableString KEY_TYPES = new SerializedString("keytypes");
  static final SerializableString KEY_VALUES = new SerializedString("keyvalues");
  static final SerializableString CDC = new SerializedString("cdc");
  static final SerializableString CDC_SPLIT = new SerializedString("cdc_split");
  static final SerializableString KINESIS = new SerializedString("kinesis");
  static final SerializableString RESULT = new SerializedString("result");
  static final SerializableString EVENT_SOURCE = new SerializedString("eventSource");
  static final SerializableString EVENT_ID = new SerializedString("eventID");
  static final SerializableString INVOKE_IDENTITY_ARN = new SerializedString("invokeIdentityArn");
  static final SerializableString EVENT_VERSION = new SerializedString("eventVersion");
  static final SerializableString EVENT_NAME = new SerializedString("eventName");
  static final SerializableString EVENT_SOURCE_ARN = new SerializedString("eventSourceARN");
  static final SerializableString AWS_REGION = new SerializedString("awsRegion");
  static final SerializableString ERROR = new SerializedString("error");

  private FieldNames() {}
}
