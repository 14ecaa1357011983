"""`python -m data_pipeline_spark.hive -f script.hql -d NAME=VALUE --warehouse DIR --metastore DIR`: one script, one session."""

from __future__ import annotations

import json
import sys
import time

from .arguments import UsageError, assignments, cli_parser, script_request
from .executor import HiveExecutor
from .session import SessionSettings, create_session


def main(argv: list[str] | None = None) -> int:
    try:
        args = cli_parser().parse_args(argv)
        request = script_request(args)
        conf = assignments(args.conf, '--conf')
    except UsageError as error:
        sys.stderr.write(f'{error}\n')
        return 2
    started = time.monotonic()
    spark = create_session(SessionSettings(warehouse_dir=args.warehouse, metastore_dir=args.metastore, conf=conf))
    session_start_ms = round((time.monotonic() - started) * 1000)
    try:
        outcome = HiveExecutor(spark, sys.stdout, sys.stderr).run(request)
    finally:
        spark.stop()
    if args.results:
        document = {
            'exitCode': outcome.exit_code,
            'sessionStartMs': session_start_ms,
            'statements': [result.to_json() for result in outcome.statements],
        }
        with open(args.results, 'w', encoding='utf-8') as handle:
            json.dump(document, handle)
    return outcome.exit_code


if __name__ == '__main__':
    sys.exit(main())
