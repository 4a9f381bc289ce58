package example;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Java handler (handler=example.Hello::handleRequest). A plain method needs no library to
 * compile; implement aws-lambda-java-core's RequestHandler to get the Context as well. AWS's
 * runtime interface client turns the JSON event into the Map and the returned Map into JSON.
 */
public class Hello {

  public Map<String, Object> handleRequest(Map<String, Object> event) {
    System.out.println("hello called for " + event.get("name"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("greeting", "Hello, " + event.getOrDefault("name", "world") + "!");
    answer.put("functionName", System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
    return answer;
  }
}
