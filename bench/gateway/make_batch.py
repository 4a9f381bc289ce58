#!/usr/bin/env python3
"""Writes a Transfer batch {"Records":[...]} of Kafka messages in the demo producer's format.

Usage: make_batch.py RECORDS ROWS_PER_RECORD OUT_FILE
Each record is one Kafka message ("as is" layout, six columns) whose value holds ROWS_PER_RECORD
rows ts=...&ip=FILL_ME&data={...}, base64-encoded as Transfer sends it.
"""
import base64
import json
import sys


def row(i):
    data = {"appid": "rand_id_%d" % i,
            "payload": {"EMAIL": "user%d@example.com" % i, "MOBILE": "555-%04d" % (i % 10000)},
            "identity": "user%d@example.com" % i}
    return "ts=2024-06-20T21:06:48Z&ip=FILL_ME&data=" + json.dumps(data, separators=(",", ":"))


def record(offset, rows):
    value = "\n".join(row(offset * 1000 + r) for r in range(rows)).encode()
    return {
        "cdc": {
            "id": 0, "nextlsn": offset, "commitTime": 1718876759101000000 + offset,
            "txPosition": 0, "kind": "insert", "schema": "", "table": "source-topic",
            "part": "source-topic_0",
            "columnnames": ["topic", "partition", "offset", "write_time", "key", "data"],
            "columnvalues": ["source-topic", 0, offset, "2024-06-20T09:45:59.101Z", None,
                             base64.b64encode(value).decode()],
        },
        "cdc_split": None, "kinesis": None, "result": "", "eventSource": "CDC",
        "eventID": "%d.0" % offset, "invokeIdentityArn": "tm", "eventVersion": "1.0",
        "eventName": "dt:cdc:change_item", "eventSourceARN": "", "awsRegion": "",
    }


def main():
    records, rows, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    batch = {"Records": [record(i, rows) for i in range(records)]}
    with open(out, "w") as f:
        json.dump(batch, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
