'use strict';
// The floor: a bare Node HTTP server that calls a handler in its own process, with no runtime,
// no Runtime API and no second hop. What a hosted function costs above this is the gateway's.
//
//   node floor.js PORT MODULE_FILE EXPORT raw|url
// raw: the event is the parsed request body (an Invoke API call); url: the event is a
// function-URL event whose body is the request body, and an answer without statusCode is sent as
// JSON, as Lambda's function URLs do.

const http = require('node:http');
const path = require('node:path');

const [port, moduleFile, exportName, eventShape] = process.argv.slice(2);
const handler = require(path.resolve(moduleFile))[exportName];

function call(event) {
  return new Promise((resolve, reject) => {
    const done = (err, value) => (err ? reject(err) : resolve(value));
    const returned = handler(event, { awsRequestId: 'floor' }, done);
    if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
  });
}

function eventOf(body) {
  if (eventShape === 'raw') return JSON.parse(body);
  return { version: '2.0', rawPath: '/', headers: {}, body, isBase64Encoded: false };
}

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      Promise.resolve(Buffer.concat(chunks).toString('utf8'))
        .then((body) => call(eventOf(body)))
        .then((result) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(result));
        })
        .catch((err) => {
          res.writeHead(502, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ errorMessage: String(err) }));
        });
    });
  })
  .listen(Number(port), '127.0.0.1');
