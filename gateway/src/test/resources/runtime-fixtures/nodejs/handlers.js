'use strict';
// Handlers in each style AWS's Node.js runtime accepts, for the runtime client's tests.

exports.echoContext = async (event, context) => ({
  event,
  awsRequestId: context.awsRequestId,
  functionName: context.functionName,
  functionVersion: context.functionVersion,
  invokedFunctionArn: context.invokedFunctionArn,
  memoryLimitInMB: context.memoryLimitInMB,
  logGroupName: context.logGroupName,
  logStreamName: context.logStreamName,
  callbackWaitsForEmptyEventLoop: context.callbackWaitsForEmptyEventLoop,
  remaining: context.getRemainingTimeInMillis(),
});

exports.remainingTwice = async (event, context) => {
  const first = context.getRemainingTimeInMillis();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return [first, context.getRemainingTimeInMillis()];
};

// The public example's style: callback called inside an async function that resolves undefined.
exports.callbackInAsync = async (event, context, callback) => {
  await Promise.resolve();
  callback(null, { via: 'callback', event });
};

exports.promiseReturning = (event) =>
  new Promise((resolve) => setTimeout(() => resolve({ via: 'promise', event }), 5));

exports.callbackLater = (event, context, callback) => {
  setTimeout(() => callback(null, { via: 'late callback' }), 5);
};

exports.throws = async () => {
  throw new TypeError('the event is not what I expected');
};

exports.logs = async (event) => {
  console.log('hello from node', event.n);
  console.error('a warning from node');
  console.warn('two\nlines');
  return { logged: true };
};

exports.clientContext = async (event, context) => ({
  clientContext: context.clientContext === undefined ? 'absent' : context.clientContext,
  identity: context.identity === undefined ? 'absent' : context.identity,
});

exports.notAFunction = 42;
