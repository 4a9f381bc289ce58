'use strict';
// Finds and loads the handler named "dir/file.export[.nested]" below LAMBDA_TASK_ROOT, the way
// AWS's Node.js runtime does: file.js (CommonJS, or ESM under a "type":"module" package.json),
// then file.mjs (ESM), then file.cjs (CommonJS).
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { RuntimeError } = require('./errors.cjs');

/** Splits the handler string and refuses paths that leave the task root. */
function parseHandler(taskRoot, handler) {
  const slash = handler.lastIndexOf('/');
  const dir = handler.slice(0, slash + 1);
  const base = handler.slice(slash + 1);
  const dot = base.indexOf('.');
  if (!handler || dot <= 0 || dot === base.length - 1) {
    throw new RuntimeError('Runtime.MalformedHandlerName', `Bad handler ${handler}`);
  }
  if (path.isAbsolute(dir)) {
    throw new RuntimeError('Runtime.MalformedHandlerName',
      `Handler ${handler} is an absolute path; it must be relative to LAMBDA_TASK_ROOT`);
  }
  const modulePath = path.resolve(taskRoot, dir, base.slice(0, dot));
  const relative = path.relative(path.resolve(taskRoot), modulePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new RuntimeError('Runtime.MalformedHandlerName',
      `Handler ${handler} leaves LAMBDA_TASK_ROOT`);
  }
  return { modulePath, exportPath: base.slice(dot + 1).split('.') };
}

async function loadHandler(taskRoot, handler) {
  const { modulePath, exportPath } = parseHandler(taskRoot, handler);
  const loaded = await loadModule(modulePath, handler);
  const fn = exportPath.reduce((value, key) => (value == null ? undefined : value[key]), loaded);
  if (typeof fn !== 'function') {
    throw new RuntimeError('Runtime.HandlerNotFound',
      `${handler} is undefined or not exported`);
  }
  return fn;
}

async function loadModule(modulePath, handler) {
  const candidates = [
    [modulePath + '.js', isModuleScope(modulePath) ? importEsm : requireCjs],
    [modulePath + '.mjs', importEsm],
    [modulePath + '.cjs', requireCjs],
  ];
  const found = candidates.find(([file]) => isFile(file));
  if (!found) {
    const name = path.basename(modulePath);
    throw new RuntimeError('Runtime.ImportModuleError',
      `Error: Cannot find module '${name}' (handler ${handler})`);
  }
  const [file, load] = found;
  try {
    return await load(file);
  } catch (error) {
    throw classifyLoadError(error);
  }
}

function classifyLoadError(error) {
  if (error instanceof SyntaxError) {
    return new RuntimeError('Runtime.UserCodeSyntaxError', `${error.name}: ${error.message}`, error);
  }
  if (error && (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND')) {
    return new RuntimeError('Runtime.ImportModuleError', `Error: ${error.message}`, error);
  }
  return error;
}

function requireCjs(file) {
  return require(file);
}

async function importEsm(file) {
  return import(pathToFileURL(file).href);
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether the nearest package.json above the file says "type": "module". */
function isModuleScope(modulePath) {
  for (let dir = path.dirname(modulePath); ; dir = path.dirname(dir)) {
    const packageJson = path.join(dir, 'package.json');
    if (isFile(packageJson)) {
      try {
        return JSON.parse(fs.readFileSync(packageJson, 'utf8')).type === 'module';
      } catch {
        return false;
      }
    }
    if (path.dirname(dir) === dir) return false;
  }
}

module.exports = { loadHandler, parseHandler };
