package io.lambdagateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdagateway.gateway.deploy.Zips;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A function deleted (or replaced) just before the gateway closes still has its environments
 * stopping: the close ends that retirement and waits for it. Before, the stop finished after Vert.x
 * had closed and its result reached a terminated event loop: an uncaught {@code
 * RejectedExecutionException} in a worker thread, in two of three such closes.
 */
@ExtendWith(BlockedThreadGuard.class)
@DisplayName("Closing a gateway while a deleted function retires")
class FunctionRetireOnCloseTest {

  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private Thread.UncaughtExceptionHandler previous;

  @BeforeEach
  void recordUncaught() {
    previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
  }

  @AfterEach
  void restore() {
    Thread.setDefaultUncaughtExceptionHandler(previous);
  }

  @Test
  @DisplayName("the close stops the retiring function's environment before Vert.x closes")
  void closeEndsRetirements() throws Exception {
    for (int round = 0; round < 3; round++) {
      try (TestGateway gateway = TestGateway.start(Map.of());
          LambdaClient lambda = LambdaClients.of(gateway.port())) {
        lambda.createFunction(
            b ->
                b.functionName("retiring")
                    .runtime("nodejs20.x")
                    .handler("index.handler")
                    .role("arn:aws:iam::000000000000:role/r")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.nodeHandler("1")))));
        lambda.invoke(b -> b.functionName("retiring").payload(SdkBytes.fromUtf8String("{}")));
        lambda.deleteFunction(b -> b.functionName("retiring"));
      }
    }
    // a stop outliving its close ended within the runtime's stop grace (500 ms) after it
    Thread.sleep(1_000);
    assertThat(uncaught).isEmpty();
  }
}
