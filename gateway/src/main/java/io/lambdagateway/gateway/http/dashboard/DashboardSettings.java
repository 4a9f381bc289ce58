package io.lambdagateway.gateway.http.dashboard;

import java.net.URI;
import java.util.Optional;

/**
 * What the dashboard shows beyond the functions' figures.
 *
 * @param invocationLogs whether the log lines of recent invocations are served: they may carry the
 *     events' data, so they are off unless asked for
 * @param pipelineStatusUrl a pipeline's status JSON ({@code http://HOST:PORT/status}) to show in
 *     the pipeline panel; empty = no panel
 */
public record DashboardSettings(boolean invocationLogs, Optional<URI> pipelineStatusUrl) {}
