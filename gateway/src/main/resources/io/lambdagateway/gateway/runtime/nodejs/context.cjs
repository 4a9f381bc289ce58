'use strict';
// The handler's context object, built from the environment and the invocation's headers with the
// fields and methods of AWS's Node.js runtime.
const { RuntimeError } = require('./errors.cjs');

function buildContext(env, requestId, headers) {
  const deadlineMs = Number(headers['lambda-runtime-deadline-ms']);
  return {
    awsRequestId: requestId,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: parseJsonHeader(headers, 'lambda-runtime-client-context'),
    identity: parseJsonHeader(headers, 'lambda-runtime-cognito-identity'),
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis() {
      return Math.max(0, deadlineMs - Date.now());
    },
  };
}

function parseJsonHeader(headers, name) {
  const text = headers[name];
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RuntimeError('Runtime.InvalidHeader', `${name} is not JSON: ${error.message}`);
  }
}

module.exports = { buildContext };
