"""Command-line arguments: the Hive CLI's own (-f, -e, -i, -d, --hivevar, --hiveconf, --database, -v, -S)
and the runner's session options (--warehouse, --metastore, --conf, --results)."""

from __future__ import annotations

import argparse

from .executor import ScriptRequest
from .variables import parse_assignment


class UsageError(ValueError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise UsageError(f'{self.prog}: {message}')


def _add_hive_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument('-f', dest='file', metavar='FILE', help='HiveQL script: a local path or a Hadoop filesystem URI')
    source.add_argument('-e', dest='text', metavar='SQL', help='HiveQL given on the command line')
    parser.add_argument('-i', dest='init_files', action='append', default=[], metavar='FILE', help='initialisation script, run first')
    parser.add_argument('-d', '--define', dest='hivevars', action='append', default=[], metavar='NAME=VALUE', help='Hive variable')
    parser.add_argument('--hivevar', dest='hivevars', action='append', metavar='NAME=VALUE', help='Hive variable (same as -d)')
    parser.add_argument('--hiveconf', dest='hiveconf', action='append', default=[], metavar='KEY=VALUE', help='configuration for this run')
    parser.add_argument('--database', dest='database', help='database to use first')
    parser.add_argument('-v', '--verbose', action='store_true', help='echo each statement to stderr before running it')
    parser.add_argument('-S', '--silent', action='store_true', help='no OK / Time taken lines on stderr')


def _add_session_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument('--warehouse', required=True, metavar='DIR', help='spark.sql.warehouse.dir (managed tables)')
    parser.add_argument('--metastore', required=True, metavar='DIR', help='folder of the embedded Derby metastore and scratch space')
    parser.add_argument('--conf', dest='conf', action='append', default=[], metavar='KEY=VALUE', help='Spark configuration')


def hive_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog='hive', add_help=False)
    _add_hive_arguments(parser)
    return parser


def cli_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog='python -m data_pipeline_spark.hive', description='Runs HiveQL on Spark the way `hive -f` does.')
    _add_hive_arguments(parser)
    _add_session_arguments(parser)
    parser.add_argument('--results', metavar='FILE', help='write every statement and its rows to FILE as JSON')
    return parser


def server_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog='python -m data_pipeline_spark.server', description='Keeps a Spark session and runs Hive CLI requests.')
    _add_session_arguments(parser)
    return parser


def assignments(items: list[str], option: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in items:
        try:
            name, value = parse_assignment(item, option)
        except ValueError as error:
            raise UsageError(str(error)) from error
        result[name] = value
    return result


def script_request(args: argparse.Namespace) -> ScriptRequest:
    return ScriptRequest(
        file=args.file,
        text=args.text,
        init_files=list(args.init_files),
        hivevars=assignments(args.hivevars, '-d'),
        hiveconf=assignments(args.hiveconf, '--hiveconf'),
        database=args.database,
        verbose=args.verbose,
        silent=args.silent,
    )
