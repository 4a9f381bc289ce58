package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.FunctionUrlConfig;
import software.amazon.awssdk.services.lambda.model.GetAccountSettingsResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.InvokeMode;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.services.lambda.model.UpdateRuntimeOn;

/**
 * The Lambda API's read calls through the real AWS SDK for Java v2, on the built-in functions and
 * on a Node.js function hosted from {@code examples/node-hello}.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("The Lambda API's read calls, with the AWS SDK for Java v2")
class LambdaReadApiSdkTest {

  static final String NODE_HELLO =
      "name=node-hello,runtime=nodejs,code="
          + Path.of("../examples/node-hello").toAbsolutePath().normalize()
          + ",handler=index.handler,timeout=7s,memory=192,concurrency=2,env.GREETING=Hi";
  private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

  private static TestGateway gateway;
  private static LambdaClient lambda;

  @BeforeAll
  static void start() {
    gateway = TestGateway.start(Map.of("GATEWAY_FUNCTIONS", NODE_HELLO));
    lambda = client(gateway.port());
  }

  @AfterAll
  static void stop() {
    lambda.close();
    gateway.close();
  }

  static LambdaClient client(int port) {
    return LambdaClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(
            o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  @Test
  @DisplayName("GetFunctionConfiguration of a hosted function reflects its spec and its code")
  void configurationOfAHostedFunction() {
    GetFunctionConfigurationResponse c =
        lambda.getFunctionConfiguration(b -> b.functionName("node-hello"));

    assertThat(c.functionName()).isEqualTo("node-hello");
    assertThat(c.functionArn()).isEqualTo(ARN + "node-hello");
    assertThat(c.runtimeAsString()).isEqualTo("nodejs");
    assertThat(c.handler()).isEqualTo("index.handler");
    assertThat(c.timeout()).isEqualTo(7);
    assertThat(c.memorySize()).isEqualTo(192);
    assertThat(c.environment().variables()).containsEntry("GREETING", "Hi");
    assertThat(c.codeSize()).isPositive();
    assertThat(c.codeSha256()).hasSize(44);
    assertThat(c.lastModified())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    assertThat(c.revisionId()).hasSize(36);
    assertThat(c.state()).isEqualTo(State.ACTIVE);
    assertThat(c.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
    assertThat(c.packageType()).isEqualTo(PackageType.ZIP);
    assertThat(c.version()).isEqualTo("$LATEST");
    assertThat(c.architectures()).containsAnyOf(Architecture.X86_64, Architecture.ARM64);
    assertThat(c.tracingConfig().mode()).isEqualTo(TracingMode.PASS_THROUGH);
    assertThat(c.ephemeralStorage().size()).isEqualTo(512);
    assertThat(c.role()).startsWith("arn:aws:iam::000000000000:role/");
  }

  @Test
  @DisplayName("GetFunction: Configuration, Code, Concurrency; $LATEST gives the qualified ARN")
  void getFunction() {
    GetFunctionResponse plain = lambda.getFunction(b -> b.functionName("node-hello"));
    GetFunctionResponse latest =
        lambda.getFunction(b -> b.functionName("node-hello").qualifier("$LATEST"));

    assertThat(plain.configuration().handler()).isEqualTo("index.handler");
    assertThat(plain.code().repositoryType()).isEqualTo("S3");
    assertThat(plain.code().location()).startsWith("file:").endsWith("/examples/node-hello/");
    assertThat(plain.concurrency().reservedConcurrentExecutions()).isEqualTo(2);
    assertThat(latest.configuration().functionArn()).isEqualTo(ARN + "node-hello:$LATEST");
    assertThat(
            lambda.getFunction(b -> b.functionName("enricher")).configuration().runtimeAsString())
        .isEqualTo("java17");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "enricher:1",
        "enricher:prod",
        "arn:aws:lambda:us-east-1:000000000000:function:enricher:prod"
      })
  @DisplayName("GetFunction of a version or alias that does not exist is a 404, as Invoke's")
  void qualifiersThatDoNotExist(String name) {
    String qualifier = name.substring(name.lastIndexOf(':') + 1);

    assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName(name)))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Function not found: " + ARN + "enricher:" + qualifier);
            });
    assertThatThrownBy(
            () ->
                lambda.getFunctionConfiguration(
                    b -> b.functionName("enricher").qualifier(qualifier)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  @DisplayName("ListFunctions pages with MaxItems and NextMarker, and the SDK's paginator")
  void listFunctionsPages() {
    ListFunctionsResponse first = lambda.listFunctions(b -> b.maxItems(2));
    ListFunctionsResponse second =
        lambda.listFunctions(b -> b.maxItems(2).marker(first.nextMarker()));
    List<String> all = new ArrayList<>();
    lambda
        .listFunctionsPaginator(b -> b.maxItems(1))
        .functions()
        .forEach(f -> all.add(f.functionName()));

    assertThat(first.functions())
        .extracting(FunctionConfiguration::functionName)
        .containsExactly("enricher", "probe");
    assertThat(first.nextMarker()).isNotBlank();
    assertThat(second.functions())
        .extracting(FunctionConfiguration::functionName)
        .containsExactly("blocking", "node-hello");
    assertThat(second.nextMarker()).isNull();
    assertThat(all).containsExactly("enricher", "probe", "blocking", "node-hello");
  }

  @Test
  @DisplayName("ListFunctions refuses a MaxItems out of range and a marker it did not hand out")
  void listFunctionsRefusesBadPaging() {
    assertThatThrownBy(() -> lambda.listFunctions(b -> b.maxItems(0)))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    assertThatThrownBy(() -> lambda.listFunctions(b -> b.marker("not-a-marker")))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("InvalidParameterValueException"));
  }

  @Test
  @DisplayName("ListVersionsByFunction lists $LATEST; ListAliases none; GetAlias is a 404")
  void versionsAndAliases() {
    assertThat(lambda.listVersionsByFunction(b -> b.functionName("enricher")).versions())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.version()).isEqualTo("$LATEST");
              assertThat(v.functionArn()).isEqualTo(ARN + "enricher:$LATEST");
            });
    assertThat(lambda.listAliases(b -> b.functionName("enricher")).aliases()).isEmpty();
    assertThatThrownBy(() -> lambda.getAlias(b -> b.functionName("enricher").name("prod")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Cannot find alias arn: " + ARN + "enricher:prod"));
  }

  @Test
  @DisplayName("GetAccountSettings reports the concurrency limit and what the functions use")
  void accountSettings() {
    GetAccountSettingsResponse settings = lambda.getAccountSettings(b -> {});

    assertThat(settings.accountLimit().concurrentExecutions())
        .isEqualTo(GatewayConfig.defaults().maxConcurrency());
    assertThat(settings.accountLimit().unreservedConcurrentExecutions())
        .isEqualTo(settings.accountLimit().concurrentExecutions() - 2);
    assertThat(settings.accountLimit().codeSizeZipped()).isEqualTo(50L * 1024 * 1024);
    assertThat(settings.accountUsage().functionCount()).isEqualTo(4);
    assertThat(settings.accountUsage().totalCodeSize()).isPositive();
  }

  @Test
  @DisplayName("concurrency, code signing, runtime management and tags of a function")
  void perFunctionSettings() {
    assertThat(
            lambda
                .getFunctionConcurrency(b -> b.functionName("node-hello"))
                .reservedConcurrentExecutions())
        .isEqualTo(2);
    assertThat(
            lambda
                .getFunctionConcurrency(b -> b.functionName("enricher"))
                .reservedConcurrentExecutions())
        .isNull();
    assertThat(lambda.getFunctionCodeSigningConfig(b -> b.functionName("enricher")).functionName())
        .isEqualTo("enricher");
    assertThat(lambda.getRuntimeManagementConfig(b -> b.functionName("enricher")).updateRuntimeOn())
        .isEqualTo(UpdateRuntimeOn.AUTO);
    assertThat(lambda.listTags(b -> b.resource(ARN + "enricher")).tags()).isEmpty();
    assertThatThrownBy(() -> lambda.listTags(b -> b.resource(ARN + "nope")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  @DisplayName("GetPolicy and GetFunctionEventInvokeConfig are AWS's 404s for a function without")
  void absentConfigurations() {
    assertThatThrownBy(() -> lambda.getPolicy(b -> b.functionName("enricher")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The resource you requested does not exist."));
    assertThatThrownBy(() -> lambda.getFunctionEventInvokeConfig(b -> b.functionName("enricher")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "The function "
                            + ARN
                            + "enricher:$LATEST doesn't have an EventInvokeConfig"));
  }

  @Test
  @DisplayName("GetFunctionUrlConfig and ListFunctionUrlConfigs give the gateway's own URL")
  void functionUrls() {
    GetFunctionUrlConfigResponse url = lambda.getFunctionUrlConfig(b -> b.functionName("enricher"));
    List<FunctionUrlConfig> list =
        lambda.listFunctionUrlConfigs(b -> b.functionName("node-hello")).functionUrlConfigs();

    assertThat(url.functionUrl()).isEqualTo("http://127.0.0.1:" + gateway.port() + "/enricher/");
    assertThat(url.functionArn()).isEqualTo(ARN + "enricher");
    assertThat(url.authType()).isEqualTo(FunctionUrlAuthType.NONE);
    assertThat(url.invokeMode()).isEqualTo(InvokeMode.BUFFERED);
    assertThat(list)
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.functionUrl())
                    .isEqualTo("http://127.0.0.1:" + gateway.port() + "/node-hello/"));
    assertThatThrownBy(() -> lambda.getFunctionUrlConfig(b -> b.functionName("nope")))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
