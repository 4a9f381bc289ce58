package io.lambdagateway.gateway;

import io.lambdagateway.gateway.deploy.Deployments;
import io.lambdagateway.gateway.platform.EventQueue;
import io.lambdagateway.gateway.platform.FunctionRegistry;
import io.lambdagateway.gateway.platform.Invoker;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every HTTP verticle instance shares: configuration, functions, the invoker with its
 * concurrency counters, the Event queue, the functions deployed through the API and the metrics
 * registry. All members are thread-safe.
 *
 * @param draining set when shutdown starts; the health check then reports DOWN
 */
public record GatewayServices(
    GatewayConfig config,
    FunctionRegistry functions,
    Invoker invoker,
    EventQueue events,
    Deployments deployments,
    PrometheusMeterRegistry registry,
    AtomicBoolean draining) {}
