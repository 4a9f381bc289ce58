'use strict';
// Runs one handler call in any of the styles Node.js handlers are written in and settles once:
// a returned promise, callback(err, result), context.succeed/fail/done, or neither (then the result
// is null once the event loop is empty). The first outcome claimed wins and later ones are
// ignored: the public example calls callback inside an async function that then resolves with
// undefined, and its callback's result is the answer.

/** Resolves to { error } or { result }. */
function invokeHandler(handler, event, context) {
  return new Promise((settle) => {
    const waiters = [];
    let claimed = false;
    let settled = false;
    const whenEventLoopEmpty = (action) => {
      waiters.push(action);
      process.once('beforeExit', action);
    };
    const finish = (outcome) => {
      if (!settled) {
        settled = true;
        waiters.forEach((waiter) => process.removeListener('beforeExit', waiter));
        settle(outcome);
      }
    };
    const claim = (outcome, waitForEmptyEventLoop) => {
      if (claimed) return;
      claimed = true;
      if (waitForEmptyEventLoop) {
        whenEventLoopEmpty(() => finish(outcome));
      } else {
        finish(outcome);
      }
    };
    const outcomeOf = (error, result) =>
      error == null ? { result } : { error };
    // A callback, like AWS's, answers only once the event loop is empty unless the handler
    // turned callbackWaitsForEmptyEventLoop off; succeed/fail/done answer at once.
    const callback = (error, result) =>
      claim(outcomeOf(error, result), context.callbackWaitsForEmptyEventLoop);
    Object.assign(context, {
      succeed: (result) => claim({ result }, false),
      fail: (error) => claim({ error: error ?? new Error('handled') }, false),
      done: (error, result) => claim(outcomeOf(error, result), false),
    });

    let returned;
    try {
      returned = handler(event, context, callback);
    } catch (error) {
      claim({ error }, false);
      return;
    }
    if (returned && typeof returned.then === 'function') {
      returned.then(
        (result) => claim({ result }, false),
        (error) => claim({ error: error ?? new Error('rejected without a reason') }, false),
      );
    } else {
      whenEventLoopEmpty(() => claim({ result: null }, false));
    }
  });
}

module.exports = { invokeHandler };
