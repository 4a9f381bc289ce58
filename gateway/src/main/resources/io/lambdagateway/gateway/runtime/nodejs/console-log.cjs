'use strict';
// console.* as AWS's Node.js runtime writes it: one line per call,
// "<ISO time>\t<request id>\t<LEVEL>\t<message>", with the message's own newlines turned into
// carriage returns so that a multi-line message (a stack trace, pretty JSON) stays one log entry.
// Before the first invocation the request id is the word "undefined", as on AWS.
const util = require('node:util');

const LEVELS = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };

function patchConsole(current) {
  for (const [method, level] of Object.entries(LEVELS)) {
    console[method] = (...args) => {
      const message = util.format(...args).replace(/\n/g, '\r');
      process.stdout.write(`${new Date().toISOString()}\t${current.requestId}\t${level}\t${message}\n`);
    };
  }
}

module.exports = { patchConsole };
