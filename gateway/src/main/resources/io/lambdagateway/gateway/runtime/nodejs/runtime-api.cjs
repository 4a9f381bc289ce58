'use strict';
// The Runtime API (2018-06-01) seen from inside an execution environment: long-poll the next event,
// post its response or error, post an init error. One keep-alive socket, as AWS's own client uses.
const http = require('node:http');

const API_PREFIX = '/2018-06-01/runtime';
const ERROR_TYPE_HEADER = 'lambda-runtime-function-error-type';

class RuntimeApi {
  constructor(hostPort) {
    const [host, port] = splitHostPort(hostPort);
    this.host = host;
    this.port = port;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  /** The next invocation: { requestId, headers, body } with the raw header map. */
  async next() {
    const { status, headers, body } = await this.request('GET', '/invocation/next');
    if (status !== 200) {
      throw new Error(`GET /invocation/next answered ${status}: ${body}`);
    }
    return { requestId: headers['lambda-runtime-aws-request-id'], headers, body };
  }

  postResponse(requestId, payload) {
    return this.post(`/invocation/${encodeURIComponent(requestId)}/response`, payload, {});
  }

  postError(requestId, error) {
    return this.post(`/invocation/${encodeURIComponent(requestId)}/error`, JSON.stringify(error), {
      [ERROR_TYPE_HEADER]: error.errorType,
    });
  }

  postInitError(error) {
    return this.post('/init/error', JSON.stringify(error), { [ERROR_TYPE_HEADER]: error.errorType });
  }

  async post(path, payload, headers) {
    const { status, body } = await this.request('POST', path, payload, headers);
    // 4xx (unknown id, second response, 413) is the platform's verdict on this invocation;
    // the environment stays usable, as with AWS's client. 5xx means "unrecoverable, exit".
    if (status >= 500) {
      throw new Error(`POST ${path} answered ${status}: ${body}`);
    }
    return status;
  }

  request(method, path, payload, headers = {}) {
    return new Promise((resolve, reject) => {
      const body = payload === undefined ? undefined : Buffer.from(payload, 'utf8');
      const options = {
        host: this.host,
        port: this.port,
        method,
        path: API_PREFIX + path,
        agent: this.agent,
        headers: body ? { ...headers, 'content-length': body.length } : headers,
      };
      const req = http.request(options, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}

function splitHostPort(hostPort) {
  const colon = hostPort ? hostPort.lastIndexOf(':') : -1;
  if (colon <= 0 || !/^[0-9]+$/.test(hostPort.slice(colon + 1))) {
    throw new Error(`AWS_LAMBDA_RUNTIME_API must be host:port, got '${hostPort}'`);
  }
  return [hostPort.slice(0, colon), Number(hostPort.slice(colon + 1))];
}

module.exports = { RuntimeApi };
