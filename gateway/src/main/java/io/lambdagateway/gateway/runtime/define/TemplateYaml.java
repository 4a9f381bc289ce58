package io.lambdagateway.gateway.runtime.define;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a CloudFormation template (YAML or JSON) into a tree in which CloudFormation's short-form
 * tags become their long form: {@code !Ref X} becomes {@code {"Ref": "X"}} and {@code !Sub …}
 * becomes {@code {"Fn::Sub": …}}, so one check finds intrinsic functions in either form. A plain
 * YAML reader would drop the tag and read {@code !Ref CodePath} as the text {@code CodePath}.
 */
final class TemplateYaml {

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TemplateYaml() {}

  static JsonNode read(Path template) throws IOException {
    try (Reader in = Files.newBufferedReader(template, StandardCharsets.UTF_8);
        YAMLParser parser = YAML.createParser(in)) {
      JsonToken first = parser.nextToken();
      return first == null ? NODES.missingNode() : value(parser, first);
    }
  }

  private static JsonNode value(YAMLParser parser, JsonToken token) throws IOException {
    String tag = parser.getTypeId();
    JsonNode plain =
        switch (token) {
          case START_OBJECT -> object(parser);
          case START_ARRAY -> array(parser);
          case VALUE_STRING -> NODES.textNode(parser.getText());
          case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
          case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
          case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
          default -> NODES.nullNode();
        };
    if (tag == null || tag.startsWith("tag:yaml.org,2002:")) {
      return plain;
    }
    String longForm = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
    return NODES.objectNode().set(longForm, plain);
  }

  private static ObjectNode object(YAMLParser parser) throws IOException {
    ObjectNode object = NODES.objectNode();
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String field = parser.currentName();
      object.set(field, value(parser, parser.nextToken()));
    }
    return object;
  }

  private static ArrayNode array(YAMLParser parser) throws IOException {
    ArrayNode array = NODES.arrayNode();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (t == null) {
        throw new IOException("unexpected end of the template");
      }
      array.add(value(parser, t));
    }
    return array;
  }
}
