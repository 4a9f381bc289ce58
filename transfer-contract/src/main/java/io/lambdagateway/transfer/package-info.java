/**
 * Transfer's side of a transformation function: the batch model and its JSON codec, and AWS
 * Lambda's payload limits. The gateway's functions and the pipeline (what Transfer does) both code
 * against this package, so it knows nothing of any one function.
 *
 * <ul>
 *   <li>Model: {@link io.lambdagateway.transfer.BatchRecord} (a {@link
 *       io.lambdagateway.transfer.ChangeItem} and its {@link io.lambdagateway.transfer.Envelope})
 *       in, {@link io.lambdagateway.transfer.ResultRecord} (a {@link
 *       io.lambdagateway.transfer.Result} with its wire name) out.
 *   <li>Codec: {@link io.lambdagateway.transfer.BatchJson} reads and writes whole request and
 *       response bodies, in Transfer's field names and order; anything that is not a batch is a
 *       {@link io.lambdagateway.transfer.MalformedBatchException}.
 *   <li>{@link io.lambdagateway.transfer.LambdaLimits}: the request and response quotas.
 * </ul>
 *
 * <p>Public surface for fast functions, kept deliberately small: a function that must not pay for
 * change-item objects streams with {@link io.lambdagateway.transfer.BatchJson#transformRecords} and
 * writes pre-encoded bytes into the {@link io.lambdagateway.transfer.ResponseOutput}, or falls back
 * to {@link io.lambdagateway.transfer.BatchJson#writeResult} with its own {@link
 * io.lambdagateway.transfer.ChangeItemWriter}. {@link io.lambdagateway.transfer.TransferJson} gives
 * the exact-number JSON settings and {@link io.lambdagateway.transfer.TableSchema#json()} a
 * schema's pre-rendered JSON. The field names ({@code FieldNames}) and the change-item codec
 * ({@code ChangeItemReader}, {@code GenericChangeItemWriter}) stay package-private: a function that
 * writes bytes itself spells the names it writes, and a test of that function holds its bytes to
 * the generic writer's.
 */
package io.lambdagateway.transfer;
