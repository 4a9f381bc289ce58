"""Handlers for the Python runtime client's tests."""

import logging


def echo_context(event, context):
    return {
        "event": event,
        "aws_request_id": context.aws_request_id,
        "function_name": context.function_name,
        "memory_limit_in_mb": context.memory_limit_in_mb,
        "invoked_function_arn": context.invoked_function_arn,
        "log_group_name": context.log_group_name,
        "log_stream_name": context.log_stream_name,
        "remaining": context.get_remaining_time_in_millis(),
    }


def logs(event, context):
    print("hello from python", event.get("n"))
    logging.getLogger().warning("two\nlines")
    return {"logged": True}


def fails(event, context):
    raise ValueError("the event is not what I expected")


not_a_function = 42
