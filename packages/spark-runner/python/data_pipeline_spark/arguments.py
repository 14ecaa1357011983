"""Command-line arguments: the Hive CLI's own (-f, -e, -i, -d, --hivevar, --hiveconf, --database, -v, -S), the
spark-sql CLI's (the same, plus spark-submit's --conf) and the runner's session options (--warehouse, --metastore,
--conf, --results)."""

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


# spark-submit's options that shape the application (its resources, where it runs). The local engine keeps one
# Spark session per cluster, so a step cannot choose them: it is refused, naming the option, rather than run otherwise.
_SESSION_OPTIONS = frozenset(
    '--master --deploy-mode --name --jars --packages --exclude-packages --repositories --py-files --files --archives '
    '--properties-file --driver-memory --driver-java-options --driver-library-path --driver-class-path '
    '--driver-cores --executor-memory --executor-cores --num-executors --total-executor-cores --queue '
    '--principal --keytab --class --proxy-user'.split()
)


def spark_sql_parser() -> argparse.ArgumentParser:
    """The spark-sql command line: the Hive CLI's options plus spark-submit's --conf (KEY=VALUE, or --conf=KEY=VALUE)."""
    parser = _Parser(prog='spark-sql', add_help=False)
    _add_hive_arguments(parser)
    parser.add_argument('--conf', dest='spark_conf', action='append', default=[], metavar='KEY=VALUE', help='Spark configuration')
    return parser


def parse_program(program: str, args: list[str]) -> argparse.Namespace:
    """Parses a `hive` or `spark-sql` command line (without the program's name)."""
    if program == 'hive':
        return hive_parser().parse_args(args)
    if program != 'spark-sql':
        raise UsageError(f'unknown program {program!r}: the runner runs hive and spark-sql command lines')
    for arg in args:
        option = arg.split('=', 1)[0]
        if option in _SESSION_OPTIONS:
            raise UsageError(
                f'spark-sql: {option} is not supported by the local engine, which runs every step in the cluster\'s one Spark session'
            )
    return spark_sql_parser().parse_args(args)


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


def script_request(args: argparse.Namespace, program: str = 'hive') -> ScriptRequest:
    return ScriptRequest(
        program=program,
        conf=assignments(getattr(args, 'spark_conf', []), '--conf'),
        file=args.file,
        text=args.text,
        init_files=list(args.init_files),
        hivevars=assignments(args.hivevars, '-d'),
        hiveconf=assignments(args.hiveconf, '--hiveconf'),
        database=args.database,
        verbose=args.verbose,
        silent=args.silent,
    )
