def handler(event, context):
    return {"via": "pkg.mod", "event": event}
