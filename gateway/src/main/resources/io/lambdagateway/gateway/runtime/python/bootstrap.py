"""The gateway's own Python runtime client: python3 -u bootstrap.py <handler>.

Imports the handler "pkg.module.function" from LAMBDA_TASK_ROOT, then serves one invocation at a
time through the Runtime API (2018-06-01) until the gateway stops the process. Standard library
only. Error payloads have the shape of AWS's Python runtime:
{"errorMessage", "errorType", "requestId", "stackTrace": [...]}.
"""

import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

API_PREFIX = "/2018-06-01/runtime"
ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type"


class RuntimeError_(Exception):
    """An error the runtime itself raises, e.g. Runtime.ImportModuleError."""

    def __init__(self, error_type, message, stack_trace=()):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.stack_trace = list(stack_trace)

    def payload(self, request_id=""):
        return {
            "errorMessage": self.message,
            "errorType": self.error_type,
            "requestId": request_id,
            "stackTrace": self.stack_trace,
        }


class RuntimeApi:
    """One keep-alive connection to the Runtime API, reopened when the gateway closes it."""

    def __init__(self, host_port):
        host, _, port = (host_port or "").rpartition(":")
        if not host or not port.isdigit():
            raise ValueError("AWS_LAMBDA_RUNTIME_API must be host:port, got %r" % host_port)
        self._host = host
        self._port = int(port)
        self._connection = None

    def next(self):
        status, headers, body = self._request("GET", "/invocation/next")
        if status != 200:
            raise IOError("GET /invocation/next answered %d: %r" % (status, body[:200]))
        return headers, body

    def post_response(self, request_id, payload):
        self._post("/invocation/%s/response" % request_id, payload, {})

    def post_error(self, request_id, error):
        self._post_error("/invocation/%s/error" % request_id, error)

    def post_init_error(self, error):
        self._post_error("/init/error", error)

    def _post_error(self, path, error):
        body = json.dumps(error).encode("utf-8")
        self._post(path, body, {ERROR_TYPE_HEADER: error["errorType"]})

    def _post(self, path, body, headers):
        status, _, answer = self._request("POST", path, body, headers)
        # 4xx (unknown id, second answer, 413) is the platform's verdict on this invocation and
        # leaves the environment usable; 5xx means "unrecoverable, exit".
        if status >= 500:
            raise IOError("POST %s answered %d: %r" % (path, status, answer[:200]))

    def _request(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            if self._connection is None:
                self._connection = http.client.HTTPConnection(self._host, self._port)
            try:
                self._connection.request(method, API_PREFIX + path, body, headers or {})
                response = self._connection.getresponse()
                return response.status, response.headers, response.read()
            except (http.client.HTTPException, ConnectionError):
                # A keep-alive connection the server closed while idle: retry once on a new one.
                self._connection.close()
                self._connection = None
                if attempt == 2:
                    raise


class RequestIdLogHandler(logging.StreamHandler):
    """The root logger's handler as AWS's Python runtime installs it: each record is one line,
    "[LEVEL]\t<UTC time>\t<request id>\t<message>", its own newlines turned into carriage returns.
    print() stays unprefixed, as on AWS."""

    def __init__(self):
        super().__init__(sys.stdout)
        self.request_id = None
        formatter = logging.Formatter(
            "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s",
            "%Y-%m-%dT%H:%M:%S",
        )
        formatter.converter = time.gmtime
        self.setFormatter(formatter)

    def format(self, record):
        record.aws_request_id = self.request_id
        return super().format(record).replace("\n", "\r")


class LambdaContext:
    """The handler's context, with the fields and methods of AWS's Python runtime."""

    def __init__(self, request_id, headers):
        self.aws_request_id = request_id
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn")
        self.client_context = _json_header(headers, "Lambda-Runtime-Client-Context")
        self.identity = _json_header(headers, "Lambda-Runtime-Cognito-Identity")
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms") or 0)

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def _json_header(headers, name):
    text = headers.get(name)
    return json.loads(text) if text else None


def parse_handler(handler):
    """Splits "pkg/mod.fn" or "pkg.mod.fn" into (module name, function name)."""
    if not handler or "." not in handler:
        raise RuntimeError_("Runtime.MalformedHandlerName", "Bad handler '%s'" % handler)
    module_path, function_name = handler.rsplit(".", 1)
    parts = module_path.split("/")
    if module_path.startswith("/") or ".." in parts or module_path.startswith("."):
        raise RuntimeError_(
            "Runtime.MalformedHandlerName",
            "Bad handler '%s': it must name a module inside LAMBDA_TASK_ROOT" % handler,
        )
    if not module_path or not function_name:
        raise RuntimeError_("Runtime.MalformedHandlerName", "Bad handler '%s'" % handler)
    return ".".join(parts), function_name


def load_handler(task_root, handler):
    module_name, function_name = parse_handler(handler)
    sys.path.insert(0, task_root)
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise RuntimeError_(
            "Runtime.ImportModuleError",
            "Unable to import module '%s': %s" % (module_name, error),
        )
    except SyntaxError as error:
        raise RuntimeError_(
            "Runtime.UserCodeSyntaxError",
            "Syntax error in module '%s': %s" % (module_name, error),
            ['  File "%s" Line %s\n    %s\n' % (error.filename, error.lineno, (error.text or "").strip())],
        )
    except Exception as error:  # a module that fails while it runs its top level
        payload = user_error_payload(error, "")
        raise RuntimeError_(payload["errorType"], payload["errorMessage"], payload["stackTrace"])
    function = getattr(module, function_name, None)
    if not callable(function):
        raise RuntimeError_(
            "Runtime.HandlerNotFound",
            "Handler '%s' missing on module '%s'" % (function_name, module_name),
        )
    return function


def user_error_payload(error, request_id):
    """A handler's exception as AWS's Python runtime reports it; the runtime's frames are left out."""
    frames = traceback.extract_tb(error.__traceback__)
    user_frames = [frame for frame in frames if not _is_runtime_frame(frame.filename)]
    return {
        "errorMessage": str(error),
        "errorType": type(error).__name__,
        "requestId": request_id,
        "stackTrace": traceback.format_list(user_frames),
    }


def _is_runtime_frame(filename):
    """This client's frames and the import machinery's say nothing about the user's code."""
    return filename == __file__ or filename.startswith("<frozen") or "importlib" in filename


def serve(api, handler, headers, body, log_handler):
    request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
    log_handler.request_id = request_id
    os.environ["_X_AMZN_TRACE_ID"] = headers.get("Lambda-Runtime-Trace-Id") or ""
    try:
        event = json.loads(body) if body else None
    except ValueError as error:
        api.post_error(request_id, RuntimeError_(
            "Runtime.UnmarshalError", "Unable to unmarshal input: %s" % error).payload(request_id))
        return
    try:
        result = handler(event, LambdaContext(request_id, headers))
    except Exception as error:  # every handler failure is reported, whatever its type
        payload = user_error_payload(error, request_id)
        print("[ERROR] %s: %s" % (payload["errorType"], payload["errorMessage"]), file=sys.stderr)
        api.post_error(request_id, payload)
        return
    try:
        payload = json.dumps(result).encode("utf-8")
    except (TypeError, ValueError) as error:
        api.post_error(request_id, RuntimeError_(
            "Runtime.MarshalError", "Unable to marshal response: %s" % error).payload(request_id))
        return
    api.post_response(request_id, payload)


def main():
    api = RuntimeApi(os.environ.get("AWS_LAMBDA_RUNTIME_API"))
    handler_name = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("_HANDLER", "")
    task_root = os.environ.get("LAMBDA_TASK_ROOT") or os.getcwd()
    log_handler = RequestIdLogHandler()
    logging.getLogger().addHandler(log_handler)
    try:
        handler = load_handler(task_root, handler_name)
    except RuntimeError_ as error:
        payload = error.payload()
        print(json.dumps(payload), file=sys.stderr)
        api.post_init_error(payload)
        sys.exit(1)
    while True:
        headers, body = api.next()
        serve(api, handler, headers, body, log_handler)


if __name__ == "__main__":
    main()
