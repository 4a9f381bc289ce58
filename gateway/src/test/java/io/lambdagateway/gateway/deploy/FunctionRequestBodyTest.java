package io.lambdagateway.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.gateway.http.ServiceError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A CreateFunction / UpdateFunctionCode body read in one streaming pass")
class FunctionRequestBodyTest {

  @TempDir Path dir;

  @Test
  @DisplayName("Code.ZipFile is decoded into a file; the other members stay as JSON")
  void decodesTheZipOutOfTheTree() throws Exception {
    byte[] zip = Zips.of(Map.of("index.js", "exports.handler = async () => 1;"));
    Path json =
        write(
            "{\"FunctionName\":\"f\",\"Code\":{\"ZipFile\":\""
                + Base64.getEncoder().encodeToString(zip)
                + "\"},\"Environment\":{\"Variables\":{\"A\":\"1\"}}}");

    FunctionRequestBody body = FunctionRequestBody.read(json, 1024 * 1024);

    assertThat(body.zip()).isPresent();
    assertThat(Files.readAllBytes(body.zip().get())).isEqualTo(zip);
    assertThat(body.fields().path("Code").has("ZipFile")).isFalse();
    assertThat(body.fields().path("FunctionName").asText()).isEqualTo("f");
    assertThat(body.fields().path("Environment").path("Variables").path("A").asText())
        .isEqualTo("1");
  }

  @Test
  @DisplayName("a top-level ZipFile (UpdateFunctionCode) is decoded too")
  void topLevelZipFile() throws Exception {
    Path json = write("{\"ZipFile\":\"" + Base64.getEncoder().encodeToString(new byte[10]) + "\"}");

    assertThat(Files.size(FunctionRequestBody.read(json, 100).zip().orElseThrow())).isEqualTo(10);
  }

  @Test
  @DisplayName("a zip over the limit is a 413, and no file is left behind")
  void zipOverTheLimit() throws Exception {
    Path json =
        write("{\"ZipFile\":\"" + Base64.getEncoder().encodeToString(new byte[101]) + "\"}");

    assertThatThrownBy(() -> FunctionRequestBody.read(json, 100))
        .isInstanceOfSatisfying(
            ServiceError.class,
            e -> assertThat(e.code()).isEqualTo(ServiceError.REQUEST_TOO_LARGE));
  }

  @Test
  @DisplayName("a body that is not a JSON object is an InvalidRequestContentException")
  void notAnObject() throws Exception {
    for (String text : new String[] {"[]", "{\"a\":", "not json"}) {
      Path json = write(text);
      assertThatThrownBy(() -> FunctionRequestBody.read(json, 100))
          .isInstanceOfSatisfying(
              ServiceError.class,
              e -> assertThat(e.code()).isEqualTo("InvalidRequestContentException"));
    }
  }

  @Test
  @DisplayName("no ZipFile: no zip; an empty body has no members")
  void noZip() throws Exception {
    assertThat(FunctionRequestBody.read(write("{\"Timeout\":5}"), 100).zip()).isEmpty();
    assertThat(FunctionRequestBody.read(write(""), 100).fields().isEmpty()).isTrue();
  }

  private Path write(String text) throws Exception {
    Path file = Files.createTempFile(dir, "body", ".json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
