package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdagateway.gateway.deploy.Zips;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Deployed functions across restarts, and who may deploy. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Deployed functions: the state directory and write access")
class FunctionDeployStateTest {

  @TempDir Path stateDir;

  @Test
  @DisplayName("a deployed function survives a restart with its code, configuration and tags")
  void survivesARestart() {
    Map<String, String> settings = Map.of("GATEWAY_STATE_DIR", stateDir.toString());
    String arn;
    try (TestGateway first = TestGateway.start(settings);
        LambdaClient lambda = LambdaClients.of(first.port())) {
      arn =
          lambda
              .createFunction(
                  b ->
                      b.functionName("kept")
                          .runtime("nodejs20.x")
                          .handler("index.handler")
                          .role("arn:aws:iam::000000000000:role/r")
                          .environment(e -> e.variables(Map.of("GREETING", "again")))
                          .tags(Map.of("k", "v"))
                          .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.nodeHandler("1")))))
              .functionArn();
      lambda.updateFunctionCode(
          b -> b.functionName("kept").zipFile(SdkBytes.fromByteArray(Zips.nodeHandler("2"))));
    }

    try (TestGateway second = TestGateway.start(settings);
        LambdaClient lambda = LambdaClients.of(second.port())) {
      String answer =
          lambda
              .invoke(b -> b.functionName("kept").payload(SdkBytes.fromUtf8String("{}")))
              .payload()
              .asUtf8String();
      assertThat(answer).contains("\"v\":\"2\"").contains("\"greeting\":\"again\"");
      assertThat(lambda.listTags(b -> b.resource(arn)).tags()).isEqualTo(Map.of("k", "v"));
      lambda.deleteFunction(b -> b.functionName("kept"));
    }

    try (TestGateway third = TestGateway.start(settings);
        LambdaClient lambda = LambdaClients.of(third.port())) {
      assertThatThrownBy(
              () ->
                  lambda.invoke(b -> b.functionName("kept").payload(SdkBytes.fromUtf8String("{}"))))
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Test
  @DisplayName("listening beyond loopback without SigV4, write calls are a 403 that says why")
  void writesOffWhenExposed() {
    try (TestGateway exposed = TestGateway.start(Map.of("GATEWAY_HOST", "0.0.0.0"));
        LambdaClient lambda = LambdaClients.of(exposed.port())) {
      assertThatThrownBy(
              () ->
                  lambda.createFunction(
                      b ->
                          b.functionName("nope")
                              .runtime("nodejs20.x")
                              .handler("index.handler")
                              .role("r")
                              .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.nodeHandler("1"))))))
          .isInstanceOfSatisfying(
              LambdaException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                assertThat(e.getMessage()).contains("listens on 0.0.0.0 without SigV4");
              });
      assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName("enricher")))
          .isInstanceOfSatisfying(
              LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
  }

  @Test
  @DisplayName("beyond loopback with SigV4 verification, a signed client deploys and deletes")
  void writesOnWithSigV4() {
    Map<String, String> settings =
        Map.of("GATEWAY_HOST", "0.0.0.0", "GATEWAY_AWS_CREDENTIALS", "AKIDTEST:secret");
    try (TestGateway signed = TestGateway.start(settings);
        LambdaClient lambda = LambdaClients.of(signed.port())) {
      lambda.createFunction(
          b ->
              b.functionName("signed")
                  .runtime("nodejs20.x")
                  .handler("index.handler")
                  .role("r")
                  .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.nodeHandler("s")))));
      String answer =
          lambda
              .invoke(b -> b.functionName("signed").payload(SdkBytes.fromUtf8String("{}")))
              .payload()
              .asUtf8String();
      assertThat(answer).contains("\"v\":\"s\"");
      lambda.deleteFunction(b -> b.functionName("signed"));
    }
  }
}
