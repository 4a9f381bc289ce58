/**
 * Functions deployed through the Lambda API (CreateFunction, Update*, DeleteFunction, concurrency,
 * tags): the request bodies streamed to disk and parsed ({@link
 * io.lambdagateway.gateway.deploy.UploadedFile}, {@link
 * io.lambdagateway.gateway.deploy.FunctionRequestBody}), the state each function keeps ({@link
 * io.lambdagateway.gateway.deploy.Deployment}), its persistence in the state directory ({@link
 * io.lambdagateway.gateway.deploy.DeploymentStore}), who may deploy ({@link
 * io.lambdagateway.gateway.deploy.WriteAccess}) and the service that applies every change to the
 * {@link io.lambdagateway.gateway.platform.FunctionRegistry} ({@link
 * io.lambdagateway.gateway.deploy.Deployments}). Hosting itself is the runtime package's.
 */
package io.lambdagateway.gateway.deploy;
