package io.lambdagateway.transfer;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.util.Objects;

/**
 * A string value kept in bytes of its own form ({@link BodyText}, {@link Base64Text}): a textual
 * node like a {@code TextNode} of the same text, and equal to one when asked itself ({@code
 * TextNode.equals} only knows {@code TextNode}s, so compare from this side).
 */
abstract class TextValue extends ValueNode {

  private static final long serialVersionUID = 1L;

  @Override
  public abstract String textValue();

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.STRING;
  }

  @Override
  public JsonToken asToken() {
    return JsonToken.VALUE_STRING;
  }

  @Override
  public String asText() {
    return textValue();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ValueNode node
        && node.isTextual()
        && Objects.equals(textValue(), node.textValue());
  }

  @Override
  public int hashCode() {
    return textValue().hashCode();
  }
}
