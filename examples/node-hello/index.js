// A CommonJS handler (handler=index.handler). console output goes to the gateway's log and to
// the call's Tail log; the returned value is the invocation's response.
exports.handler = async (event, context) => {
  console.log('hello called for', event.name);
  return {
    greeting: `${process.env.GREETING || 'Hello'}, ${event.name || 'world'}!`,
    functionName: context.functionName,
    memoryLimitInMB: context.memoryLimitInMB,
  };
};
