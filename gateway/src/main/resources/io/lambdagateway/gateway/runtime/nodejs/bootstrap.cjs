'use strict';
// The gateway's own Node.js runtime client: node bootstrap.cjs <handler>. Loads the handler from
// LAMBDA_TASK_ROOT, then serves one invocation at a time through the Runtime API until the
// gateway stops the process. Uses only Node's standard library.
const { RuntimeApi } = require('./runtime-api.cjs');
const { loadHandler } = require('./handler-loader.cjs');
const { buildContext } = require('./context.cjs');
const { invokeHandler } = require('./invoke.cjs');
const { RuntimeError, formatError } = require('./errors.cjs');
const { patchConsole } = require('./console-log.cjs');

// An uncaught error after the handler answered, or in a timer it left behind, fails the current
// invocation (if any) and ends the environment, as on AWS.
const EXIT_AFTER_UNCAUGHT = 129;

async function main() {
  const api = new RuntimeApi(process.env.AWS_LAMBDA_RUNTIME_API);
  const handlerName = process.argv[2] || process.env._HANDLER;
  const taskRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
  // The request id log lines carry; unlike current's, it stays set after the answer, so that
  // output of timers the handler left behind names the invocation that started them.
  const logged = { requestId: undefined };
  patchConsole(logged);
  const current = { requestId: undefined };
  let handler;
  try {
    handler = await loadHandler(taskRoot, handlerName || '');
  } catch (error) {
    const formatted = formatError(error);
    console.error(JSON.stringify(formatted));
    await api.postInitError(formatted);
    process.exit(1);
  }
  watchUncaught(api, current);
  for (;;) {
    const invocation = await api.next();
    current.requestId = invocation.requestId;
    logged.requestId = invocation.requestId;
    await serve(api, handler, invocation);
    current.requestId = undefined;
  }
}

async function serve(api, handler, { requestId, headers, body }) {
  let outcome;
  try {
    process.env._X_AMZN_TRACE_ID = headers['lambda-runtime-trace-id'] || '';
    const event = parseEvent(body);
    const context = buildContext(process.env, requestId, headers);
    outcome = await invokeHandler(handler, event, context);
  } catch (error) {
    outcome = { error };
  }
  if (outcome.error !== undefined) {
    await api.postError(requestId, formatError(outcome.error));
    return;
  }
  const payload = serialize(outcome.result);
  if (payload.error) {
    await api.postError(requestId, formatError(payload.error));
  } else {
    await api.postResponse(requestId, payload.json);
  }
}

function parseEvent(body) {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new RuntimeError('Runtime.UnmarshalError', `Unable to parse the event: ${error.message}`);
  }
}

function serialize(result) {
  try {
    return { json: JSON.stringify(result === undefined ? null : result) };
  } catch (error) {
    return { error: new RuntimeError('Runtime.MarshalError', `Unable to stringify response: ${error.message}`) };
  }
}

function watchUncaught(api, current) {
  const report = async (error) => {
    const formatted = formatError(error);
    try {
      if (current.requestId) {
        await api.postError(current.requestId, formatted);
      } else {
        console.error(JSON.stringify(formatted));
      }
    } finally {
      process.exit(EXIT_AFTER_UNCAUGHT);
    }
  };
  process.on('uncaughtException', report);
  process.on('unhandledRejection', (reason) =>
    report(reason instanceof Error ? reason : new RuntimeError(
      'Runtime.UnhandledPromiseRejection', String(reason))),
  );
}

main().catch((error) => {
  console.error(`runtime client stopped: ${error.stack || error}`);
  process.exit(1);
});
