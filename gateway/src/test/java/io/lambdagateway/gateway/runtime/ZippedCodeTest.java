package io.lambdagateway.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.gateway.BlockedThreadGuard;
import io.lambdagateway.gateway.GatewayConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(BlockedThreadGuard.class)
@DisplayName("A function whose code is a zip")
class ZippedCodeTest {

  private static final String HANDLER =
      "exports.handler = async (event) => ({ from: 'zip', event });\n";

  @TempDir Path work;

  @Test
  @DisplayName("runs from the extracted directory, which is deleted when the gateway closes")
  void extractedCodeLivesAsLongAsTheGateway() throws IOException {
    Path zip = work.resolve("code.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("main.js"));
      out.write(HANDLER.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Path userDir = Files.createDirectory(work.resolve("dir"));
    Files.writeString(userDir.resolve("main.js"), HANDLER);
    List<FunctionSpec> specs =
        GatewayConfig.fromSettings(
                Map.of(
                    "GATEWAY_FUNCTIONS",
                    "name=zipped,runtime=nodejs,code="
                        + zip
                        + ",handler=main.handler;"
                        + "name=unzipped,runtime=nodejs,code="
                        + userDir
                        + ",handler=main.handler"))
            .functions();
    Path extracted = specs.get(0).codeDir();
    assertThat(extracted).isNotEqualTo(zip).isDirectory();

    try (RuntimeGateway gateway = RuntimeGateway.start(specs, RuntimeSettings.defaults())) {
      HttpResponse<String> response = gateway.invoke("zipped", "{\"n\":1}");
      assertThat(response.body()).isEqualTo("{\"from\":\"zip\",\"event\":{\"n\":1}}");
      assertThat(gateway.invoke("unzipped", "{}").statusCode()).isEqualTo(200);
    }

    assertThat(extracted).doesNotExist();
    assertThat(userDir.resolve("main.js")).as("the user's own directory stays").isRegularFile();
  }
}
