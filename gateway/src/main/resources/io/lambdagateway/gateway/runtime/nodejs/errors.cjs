'use strict';
// Error payloads shaped as AWS's Node.js runtime shapes them: {errorType, errorMessage, trace}
// (Node says "trace" where Python and Java say "stackTrace").

/** An error the runtime itself raises, e.g. Runtime.ImportModuleError; its name is the type. */
class RuntimeError extends Error {
  constructor(errorType, message, cause) {
    super(message);
    this.name = errorType;
    if (cause) this.cause = cause;
  }
}

function formatError(error) {
  if (error instanceof Error) {
    return {
      errorType: error.name || 'Error',
      errorMessage: error.message,
      trace: stackLines(error),
    };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

/** A runtime error's own stack says nothing; the user's error it wraps does. */
function stackLines(error) {
  const source = error instanceof RuntimeError && error.cause instanceof Error ? error.cause : error;
  const stack = typeof source.stack === 'string' ? source.stack : '';
  return stack.split('\n').filter((line) => line.length > 0);
}

module.exports = { RuntimeError, formatError };
