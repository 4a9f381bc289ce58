package io.lambdagateway.gateway.runtime.javafixture;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user's {@code RequestHandler} for the java runtime tests, run by AWS's runtime interface client
 * in a JVM of its own: greets {@code name}, reports what it saw, and on request fails ({@code
 * fail}) or sleeps ({@code sleepMs}).
 */
public class Greeter implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  /** Calls this process has served: more than one shows a warm environment. */
  private static final AtomicInteger CALLS = new AtomicInteger();

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    int call = CALLS.incrementAndGet();
    // LambdaLogger.log adds no line break: a message ends its line itself, as on AWS.
    context.getLogger().log("greeting " + event.get("name") + ", call " + call + "\n");
    if (event.containsKey("fail")) {
      throw new IllegalStateException(String.valueOf(event.get("fail")));
    }
    if (event.containsKey("sleepMs")) {
      sleep(((Number) event.get("sleepMs")).longValue());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("greeting", System.getenv("GREETING") + " " + event.get("name"));
    answer.put("call", call);
    answer.put("pid", ProcessHandle.current().pid());
    answer.put("requestId", context.getAwsRequestId());
    answer.put("functionName", context.getFunctionName());
    answer.put("memoryMb", context.getMemoryLimitInMB());
    answer.put("remainingMs", context.getRemainingTimeInMillis());
    answer.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    return answer;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
