"""A long-lived runner: one SparkSession, hive or spark-sql command lines as JSON lines on stdin, one JSON response each.

Responses go to the file descriptor given by --protocol-fd (3 by default) so that anything the JVM
prints on stdout cannot corrupt them. Requests: {"id": 1, "program": "spark-sql", "args": ["-f", "x.hql", "-d", "K=V"]}
(program defaults to "hive") or
{"id": 2, "stop": true}. Each request runs like its own `hive` process: settings it makes are undone after it.
"""

from __future__ import annotations

import io
import json
import os
import sys
import time

from .arguments import UsageError, assignments, parse_program, script_request, server_parser
from .executor import HiveExecutor
from .session import SessionSettings, create_session


def _respond(channel, message: dict) -> None:
    channel.write(json.dumps(message) + '\n')
    channel.flush()


def _handle(spark, request: dict) -> dict:
    out, err = io.StringIO(), io.StringIO()
    program = str(request.get('program', 'hive'))
    try:
        args = parse_program(program, [str(item) for item in request.get('args', [])])
        script = script_request(args, program)
    except UsageError as error:
        return {'exitCode': 2, 'stdout': '', 'stderr': f'{error}\n', 'statements': []}
    outcome = HiveExecutor(spark, out, err).run(script)
    return {
        'exitCode': outcome.exit_code,
        'stdout': out.getvalue(),
        'stderr': err.getvalue(),
        'statements': [result.to_json() for result in outcome.statements],
    }


def main(argv: list[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    fd = 3
    if '--protocol-fd' in raw:
        position = raw.index('--protocol-fd')
        fd = int(raw[position + 1])
        del raw[position : position + 2]
    channel = os.fdopen(fd, 'w', encoding='utf-8')
    try:
        args = server_parser().parse_args(raw)
        conf = assignments(args.conf, '--conf')
    except UsageError as error:
        _respond(channel, {'ready': False, 'error': str(error)})
        return 2
    started = time.monotonic()
    spark = create_session(SessionSettings(warehouse_dir=args.warehouse, metastore_dir=args.metastore, conf=conf))
    _respond(channel, {'ready': True, 'sessionStartMs': round((time.monotonic() - started) * 1000), 'sparkVersion': spark.version})
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            request = json.loads(line)
            if request.get('stop'):
                _respond(channel, {'id': request.get('id'), 'stopped': True})
                break
            response = _handle(spark, request)
            response['id'] = request.get('id')
            _respond(channel, response)
    finally:
        spark.stop()
    return 0


if __name__ == '__main__':
    sys.exit(main())
