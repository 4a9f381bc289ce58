"""A Python handler (handler=app.handler); print() goes to the gateway's log and the Tail log."""
import os


def handler(event, context):
    print("hello called for", event.get("name"))
    return {
        "greeting": f"{os.environ.get('GREETING', 'Hello')}, {event.get('name', 'world')}!",
        "functionName": context.function_name,
        "remainingMs": context.get_remaining_time_in_millis() > 0,
    }
