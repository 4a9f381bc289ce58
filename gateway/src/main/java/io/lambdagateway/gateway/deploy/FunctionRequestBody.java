package io.lambdagateway.gateway.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdagateway.gateway.http.ServiceError;
import io.lambdagateway.gateway.json.Json;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The JSON body of CreateFunction or UpdateFunctionCode, read from its file in one streaming pass:
 * the base64 {@code ZipFile} (top level or inside {@code Code}) is decoded straight into a zip
 * file, never held in memory, and refused past {@code maxZipBytes}; every other member is kept as a
 * tree. Blocking file work: call on a worker.
 *
 * @param fields the body without its {@code ZipFile}
 * @param zip the decoded zip, when the body had one (the caller deletes it)
 */
public record FunctionRequestBody(ObjectNode fields, Optional<Path> zip) {

  static final String ZIP_FILE = "ZipFile";

  /**
   * Reads {@code json}; an empty body (DeleteFunction, UntagResource) has no members, any other
   * body that is not a JSON object is an InvalidRequestContentException.
   */
  public static FunctionRequestBody read(Path json, long maxZipBytes) throws IOException {
    Path zip = Files.createTempFile("lambda-gateway-code-", ".zip");
    try (JsonParser parser = Json.MAPPER.createParser(json.toFile())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        Files.delete(zip);
        return new FunctionRequestBody(Json.MAPPER.createObjectNode(), Optional.empty());
      }
      if (first != JsonToken.START_OBJECT) {
        throw ServiceError.invalidRequestContent("the body is not a JSON object");
      }
      Reader reader = new Reader(parser, zip, maxZipBytes);
      ObjectNode fields = reader.object(0);
      if (!reader.zipFound) {
        Files.delete(zip);
        return new FunctionRequestBody(fields, Optional.empty());
      }
      return new FunctionRequestBody(fields, Optional.of(zip));
    } catch (JsonProcessingException malformed) {
      Files.deleteIfExists(zip);
      throw ServiceError.invalidRequestContent(malformed.getOriginalMessage());
    } catch (IOException | RuntimeException failed) {
      Files.deleteIfExists(zip);
      throw failed;
    }
  }

  /** Walks one object, diverting {@code ZipFile} at the top level or in {@code Code}. */
  private static final class Reader {
    private final JsonParser parser;
    private final Path zip;
    private final long maxZipBytes;
    boolean zipFound;

    Reader(JsonParser parser, Path zip, long maxZipBytes) {
      this.parser = parser;
      this.zip = zip;
      this.maxZipBytes = maxZipBytes;
    }

    ObjectNode object(int depth) throws IOException {
      ObjectNode node = Json.MAPPER.createObjectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (ZIP_FILE.equals(name) && value == JsonToken.VALUE_STRING && !zipFound) {
          decodeZip();
        } else if (depth == 0 && "Code".equals(name) && value == JsonToken.START_OBJECT) {
          node.set(name, object(1));
        } else {
          node.set(name, parser.<JsonNode>readValueAsTree());
        }
      }
      return node;
    }

    private void decodeZip() throws IOException {
      zipFound = true;
      try (OutputStream out = new Bounded(Files.newOutputStream(zip), maxZipBytes)) {
        parser.readBinaryValue(out);
      }
    }
  }

  /** Fails with a 413 once more than {@code max} bytes are written. */
  private static final class Bounded extends FilterOutputStream {
    private final long max;
    private long written;

    Bounded(OutputStream out, long max) {
      super(out);
      this.max = max;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      written += len;
      if (written > max) {
        throw ServiceError.requestTooLarge("Zipped size must be smaller than " + max + " bytes");
      }
      out.write(b, off, len);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }
}
