package io.lambdagateway.app.invoke;

/**
 * What the Invoke API answered.
 *
 * @param status the HTTP status: 200 answered, 202 Event accepted, 204 DryRun passed, 4xx/5xx the
 *     API refused or failed the call
 * @param body the function's answer, its error JSON, or the API's error body
 * @param functionError the {@code X-Amz-Function-Error} header: set when the function failed
 * @param logResult the {@code X-Amz-Log-Result} header: the base64 log tail, when asked for
 * @param errorType the {@code X-Amzn-ErrorType} header of an API error, e.g. {@code
 *     ResourceNotFoundException}
 */
record InvokeAnswer(
    int status, byte[] body, String functionError, String logResult, String errorType) {}
