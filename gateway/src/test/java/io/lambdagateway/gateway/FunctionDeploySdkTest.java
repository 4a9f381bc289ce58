package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdagateway.gateway.deploy.Zips;
import io.lambdagateway.gateway.json.Json;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** CreateFunction, Update*, DeleteFunction, concurrency and tags through the AWS SDK v2. */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Deploying functions from a zip with the AWS SDK for Java v2")
class FunctionDeploySdkTest {

  private static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";

  private static TestGateway gateway;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start();
    lambda = LambdaClients.of(gateway.port());
  }

  @AfterAll
  static void stop() {
    lambda.close();
    gateway.close();
  }

  @Test
  @DisplayName("create (201), invoke, update code and configuration, tag, delete (204)")
  void wholeLifeOfAFunction() throws Exception {
    byte[] v1 = Zips.nodeHandler("1");
    CreateFunctionResponse created =
        lambda.createFunction(
            b ->
                b.functionName("hello")
                    .runtime("nodejs20.x")
                    .handler("index.handler")
                    .role(ROLE)
                    .timeout(10)
                    .memorySize(256)
                    .environment(e -> e.variables(Map.of("GREETING", "hi")))
                    .tags(Map.of("team", "data"))
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(v1))));

    assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
    assertThat(created.functionName()).isEqualTo("hello");
    assertThat(created.runtimeAsString()).isEqualTo("nodejs20.x");
    assertThat(created.handler()).isEqualTo("index.handler");
    assertThat(created.role()).isEqualTo(ROLE);
    assertThat(created.timeout()).isEqualTo(10);
    assertThat(created.memorySize()).isEqualTo(256);
    assertThat(created.codeSha256()).isEqualTo(sha256(v1));
    assertThat(created.codeSize()).isEqualTo(v1.length);
    assertThat(invoke("hello").path("v").asText()).isEqualTo("1");
    assertThat(invoke("hello").path("greeting").asText()).isEqualTo("hi");

    byte[] v2 = Zips.nodeHandler("2");
    var updated =
        lambda.updateFunctionCode(b -> b.functionName("hello").zipFile(SdkBytes.fromByteArray(v2)));
    assertThat(updated.codeSha256()).isEqualTo(sha256(v2));
    assertThat(updated.revisionId()).isNotEqualTo(created.revisionId());
    assertThat(invoke("hello").path("v").asText()).isEqualTo("2");

    var configured =
        lambda.updateFunctionConfiguration(
            b ->
                b.functionName("hello")
                    .timeout(20)
                    .environment(e -> e.variables(Map.of("GREETING", "hello"))));
    assertThat(configured.timeout()).isEqualTo(20);
    assertThat(configured.codeSha256()).isEqualTo(sha256(v2));
    assertThat(invoke("hello").path("greeting").asText()).isEqualTo("hello");
    var read = lambda.getFunctionConfiguration(b -> b.functionName("hello"));
    assertThat(read.role()).isEqualTo(ROLE);
    assertThat(read.revisionId()).isEqualTo(configured.revisionId());
    assertThat(read.environment().variables()).isEqualTo(Map.of("GREETING", "hello"));

    String arn = created.functionArn();
    lambda.tagResource(b -> b.resource(arn).tags(Map.of("stage", "dev")));
    lambda.untagResource(b -> b.resource(arn).tagKeys("team"));
    assertThat(lambda.listTags(b -> b.resource(arn)).tags()).isEqualTo(Map.of("stage", "dev"));

    assertThat(lambda.deleteFunction(b -> b.functionName("hello")).sdkHttpResponse().statusCode())
        .isEqualTo(204);
    assertThatThrownBy(() -> invoke("hello")).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName("hello")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  @DisplayName("a call in flight when the code is replaced finishes on the old code")
  void inFlightCallFinishesAcrossAnUpdate() throws Exception {
    create(
        "slow",
        Zips.of(
            Map.of(
                "index.js",
                "exports.handler = async () => { await new Promise(r => setTimeout(r, 1500));"
                    + " return { v: 'old' }; };\n")));
    try {
      assertThat(invokeRaw("slow", "{}")).contains("old");
      var inFlight =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> invokeRaw("slow", "{}"));
      Thread.sleep(300);
      lambda.updateFunctionCode(b -> b.functionName("slow").zipFile(zip("new")));

      assertThat(invoke("slow").path("v").asText()).isEqualTo("new");
      assertThat(inFlight.get(10, java.util.concurrent.TimeUnit.SECONDS)).contains("old");
    } finally {
      lambda.deleteFunction(b -> b.functionName("slow"));
    }
  }

  @Test
  @DisplayName("a reserved concurrency of 0 throttles every call until it is deleted")
  void reservedConcurrency() throws Exception {
    create("limited", Zips.nodeHandler("c"));
    try {
      var put =
          lambda.putFunctionConcurrency(
              b -> b.functionName("limited").reservedConcurrentExecutions(0));
      assertThat(put.reservedConcurrentExecutions()).isZero();
      assertThatThrownBy(() -> invoke("limited")).isInstanceOf(TooManyRequestsException.class);

      lambda.deleteFunctionConcurrency(b -> b.functionName("limited"));
      assertThat(invoke("limited").path("v").asText()).isEqualTo("c");
    } finally {
      lambda.deleteFunction(b -> b.functionName("limited"));
    }
  }

  @Test
  @DisplayName("a taken name is a 409 ResourceConflictException")
  void duplicateName() {
    create("twice", Zips.nodeHandler("1"));
    try {
      assertThatThrownBy(() -> create("twice", Zips.nodeHandler("2")))
          .isInstanceOfSatisfying(
              ResourceConflictException.class,
              e -> assertThat(e.getMessage()).contains("Function already exist: twice"));
      assertThatThrownBy(() -> create("enricher", Zips.nodeHandler("2")))
          .isInstanceOf(ResourceConflictException.class);
    } finally {
      lambda.deleteFunction(b -> b.functionName("twice"));
    }
  }

  @Test
  @DisplayName("the gateway's own functions can be read, not changed or deleted")
  void fixedFunctions() {
    assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName("enricher")))
        .isInstanceOfSatisfying(
            InvalidParameterValueException.class,
            e -> assertThat(e.getMessage()).contains("not changed or deleted through the API"));
    assertThatThrownBy(
            () -> lambda.updateFunctionConfiguration(b -> b.functionName("probe").timeout(5)))
        .isInstanceOf(InvalidParameterValueException.class);
    assertThat(invokeRaw("enricher", "[]")).isNotNull();
  }

  @Test
  @DisplayName("an image, code in S3, a zip leading outside, a bad runtime: InvalidParameterValue")
  void refusedDefinitions() {
    assertThatThrownBy(
            () ->
                lambda.createFunction(
                    b ->
                        b.functionName("image")
                            .packageType(PackageType.IMAGE)
                            .role(ROLE)
                            .code(c -> c.imageUri("000000000000.dkr.ecr.us-east-1/x:1"))))
        .isInstanceOfSatisfying(
            InvalidParameterValueException.class,
            e -> assertThat(e.getMessage()).contains("PackageType Image is not supported"));
    assertThatThrownBy(
            () ->
                lambda.createFunction(
                    b ->
                        b.functionName("s3")
                            .runtime("nodejs20.x")
                            .handler("index.handler")
                            .role(ROLE)
                            .code(c -> c.s3Bucket("b").s3Key("k.zip"))))
        .isInstanceOfSatisfying(
            InvalidParameterValueException.class,
            e -> assertThat(e.getMessage()).contains("Code from S3"));
    assertThatThrownBy(() -> create("escape", Zips.of(Map.of("../index.js", "exports.handler=1"))))
        .isInstanceOfSatisfying(
            InvalidParameterValueException.class,
            e -> assertThat(e.getMessage()).contains("Could not unzip uploaded file"));
    assertThatThrownBy(
            () -> create("absolute", Zips.of(Map.of("/etc/index.js", "exports.handler=1"))))
        .isInstanceOf(InvalidParameterValueException.class);
    assertThatThrownBy(() -> create("link", Zips.symlink("index.js", "/etc/passwd")))
        .isInstanceOfSatisfying(
            InvalidParameterValueException.class,
            e -> assertThat(e.getMessage()).contains("is a symbolic link"));
    assertThatThrownBy(
            () ->
                lambda.createFunction(
                    b ->
                        b.functionName("cobol")
                            .runtime("cobol9")
                            .handler("index.handler")
                            .role(ROLE)
                            .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.nodeHandler("1"))))))
        .isInstanceOfSatisfying(
            InvalidParameterValueException.class,
            e -> assertThat(e.getMessage()).contains("runtime 'cobol9' is not supported"));
    assertThatThrownBy(
            () -> lambda.updateFunctionCode(b -> b.functionName("nobody").zipFile(zip("1"))))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(gateway.gateway.config().functionName()).isEqualTo("enricher");
  }

  static void create(String name, byte[] zip) {
    lambda.createFunction(
        b ->
            b.functionName(name)
                .runtime("nodejs20.x")
                .handler("index.handler")
                .role(ROLE)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
  }

  private static SdkBytes zip(String version) {
    return SdkBytes.fromByteArray(Zips.nodeHandler(version));
  }

  private static JsonNode invoke(String name) throws Exception {
    return Json.MAPPER.readTree(invokeRaw(name, "{\"n\":1}"));
  }

  private static String invokeRaw(String name, String payload) {
    return lambda
        .invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(payload)))
        .payload()
        .asUtf8String();
  }

  static String sha256(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
