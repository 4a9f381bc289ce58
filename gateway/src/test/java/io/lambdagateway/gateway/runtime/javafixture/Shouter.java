package io.lambdagateway.gateway.runtime.javafixture;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A user's {@code RequestStreamHandler} for the java runtime tests: the event's bytes upper-cased.
 */
public class Shouter implements RequestStreamHandler {

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    System.out.println("shouting " + event.length() + " characters");
    output.write(event.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
  }
}
