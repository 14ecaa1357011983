"""Executes HiveQL statements in a SparkSession the way the Hive CLI does, reporting results and failures."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TextIO

from .commands import classify
from .scripts import read_script
from .statements import Statement, UnterminatedError, split_statements
from .variables import UndefinedVariableError, substitute


@dataclass
class ScriptRequest:
    program: str = 'hive'
    """'hive' or 'spark-sql': which CLI the arguments came from (they differ in what they print)."""
    conf: dict[str, str] = field(default_factory=dict)
    """spark-sql's --conf: Spark settings for this run only."""
    file: str | None = None
    text: str | None = None
    init_files: list[str] = field(default_factory=list)
    hivevars: dict[str, str] = field(default_factory=dict)
    hiveconf: dict[str, str] = field(default_factory=dict)
    database: str | None = None
    verbose: bool = False
    silent: bool = False


@dataclass
class StatementResult:
    index: int
    source: str
    line: int
    statement: str
    duration_ms: int
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            'index': self.index,
            'source': self.source,
            'line': self.line,
            'statement': self.statement,
            'durationMs': self.duration_ms,
            'columns': self.columns,
            'rows': self.rows,
        }


@dataclass
class RunOutcome:
    exit_code: int
    statements: list[StatementResult]


class StatementFailed(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Quit(Exception):
    pass


class _ConfRefused(Exception):
    pass


def describe_error(error: BaseException) -> str:
    """Spark's message for a failed statement, without the JVM stack trace."""
    java_exception = getattr(error, 'java_exception', None)
    if java_exception is not None:  # py4j.protocol.Py4JJavaError: walk the cause chain
        messages = []
        current = java_exception
        while current is not None and len(messages) < 5:
            messages.append(str(current.toString()))
            current = current.getCause()
        return '\n  caused by: '.join(messages)
    return str(error).strip() or type(error).__name__


class HiveExecutor:
    """Runs scripts in one SparkSession; settings made by a script are undone when it ends."""

    def __init__(self, spark, out: TextIO, err: TextIO) -> None:
        self.spark = spark
        self.out = out
        self.err = err

    def run(self, request: ScriptRequest) -> RunOutcome:
        results: list[StatementResult] = []
        hivevars = dict(request.hivevars)
        changed: dict[str, str | None] = {}
        try:
            self._apply_spark_conf(request.conf, changed)
            for key, value in request.hiveconf.items():
                self._set_conf(key, value, changed)
            if request.database:
                self.spark.sql(f'USE `{request.database}`')
            scripts = [(path, None) for path in request.init_files]
            scripts.append((request.file, None) if request.file else ('-e', request.text or ''))
            for source, _ in scripts:
                text = request.text if source == '-e' else read_script(self.spark, source)
                self._run_text(text or '', source, hivevars, changed, request, results)
            return RunOutcome(0, results)
        except _Quit:
            return RunOutcome(0, results)
        except StatementFailed as failure:
            self.err.write(failure.message + '\n')
            self.err.flush()
            return RunOutcome(1, results)
        except _ConfRefused as error:
            self.err.write(f'Error: {error}\n')
            self.err.flush()
            return RunOutcome(1, results)
        except (OSError, UnterminatedError) as error:
            self.err.write(f'FAILED: {error}\n')
            self.err.flush()
            return RunOutcome(1, results)
        finally:
            self._restore(changed)

    def _apply_spark_conf(self, conf: dict[str, str], changed: dict[str, str | None]) -> None:
        """spark-sql's --conf, as spark-submit treats it: keys outside spark.* are ignored with a warning, the
        others set for this run. A key Spark fixes when the session starts cannot be set in the shared session."""
        for key, value in conf.items():
            if not key.startswith('spark.'):
                self.err.write(f'Warning: Ignoring non-Spark config property: {key}\n')
                continue
            try:
                self._set_conf(key, value, changed)
            except Exception as error:  # noqa: BLE001 - Spark refuses static and core keys at run time
                raise _ConfRefused(
                    f'--conf {key}={value}: the local engine runs every step in one Spark session and cannot apply it to a step: '
                    f'{describe_error(error).splitlines()[0]}'
                ) from error

    def _run_text(self, text, source, hivevars, changed, request, results) -> None:
        try:
            statements = split_statements(text)
        except UnterminatedError as error:
            raise UnterminatedError(f'{source}: {error}') from error
        for statement in statements:
            self._run_statement(statement, source, hivevars, changed, request, results)

    def _hiveconf(self, key: str) -> str | None:
        try:
            return self.spark.conf.get(key, None)
        except Exception:  # noqa: BLE001 - a key Spark refuses to read is simply undefined
            return None

    def _run_statement(self, statement: Statement, source, hivevars, changed, request, results) -> None:
        index = len(results) + 1
        started = time.monotonic()
        try:
            if self._hiveconf('hive.variable.substitute') == 'false':
                sql = statement.text
            else:
                sql = substitute(statement.text, hivevars, self._hiveconf)
        except UndefinedVariableError as error:
            raise StatementFailed(self._failure(index, source, statement, statement.text, str(error))) from error
        if request.verbose and request.program == 'spark-sql':
            # spark-sql -v prints each statement as written, before substitution, on stdout.
            self.out.write(statement.text + '\n')
        elif request.verbose:
            self.err.write(sql + ';\n')
        command = classify(sql)
        result = StatementResult(index, source, statement.line, sql, 0)
        try:
            if command.kind == 'quit':
                raise _Quit()
            if command.kind == 'set':
                self._handle_set(command.key, command.value, hivevars, changed)
            elif command.kind == 'show-set':
                self._show_set(command.key, hivevars, result)
            elif command.kind == 'show-all-set':
                self._show_all(result)
            elif command.kind == 'source':
                results.append(result)
                self._run_text(read_script(self.spark, command.value), command.value, hivevars, changed, request, results)
                return
            elif command.kind == 'unsupported':
                raise ValueError(f'the Hive CLI command "{command.value}" is not supported by the Spark runner')
            else:
                self._run_sql(sql, result)
        except (_Quit, StatementFailed):
            raise
        except Exception as error:  # noqa: BLE001 - every failure of a statement is reported the same way
            if self._hiveconf('hive.cli.errors.ignore') == 'true':
                self.err.write(self._failure(index, source, statement, sql, describe_error(error)) + '\n')
                return
            raise StatementFailed(self._failure(index, source, statement, sql, describe_error(error))) from error
        result.duration_ms = round((time.monotonic() - started) * 1000)
        results.append(result)
        self._print(result, request)

    def _failure(self, index: int, source: str, statement: Statement, sql: str, message: str) -> str:
        where = 'the -e script' if source == '-e' else source
        return f'FAILED: statement {index} at line {statement.line} of {where}:\n{sql}\nError: {message}'

    def _handle_set(self, key: str, value: str, hivevars: dict[str, str], changed: dict[str, str | None]) -> None:
        namespace, _, name = key.partition(':')
        if name and namespace == 'hivevar':
            hivevars[name] = value
        elif name and namespace == 'hiveconf':
            self._set_conf(name, value, changed)
        elif name and namespace in ('env', 'system'):
            raise ValueError(f'{namespace} variables are read-only here: cannot set {key}')
        else:
            self._set_conf(key, value, changed)

    def _set_conf(self, key: str, value: str, changed: dict[str, str | None]) -> None:
        if key not in changed:
            changed[key] = self._hiveconf(key)
        self.spark.conf.set(key, value)

    def _restore(self, changed: dict[str, str | None]) -> None:
        for key, previous in changed.items():
            try:
                if previous is None:
                    self.spark.conf.unset(key)
                else:
                    self.spark.conf.set(key, previous)
            except Exception:  # noqa: BLE001, S110 - best effort: the key was accepted before
                pass
        try:
            # Asking the catalog for the current database does not start the metastore client; USE would.
            if self.spark.catalog.currentDatabase() != 'default':
                self.spark.sql('USE default')
        except Exception:  # noqa: BLE001, S110
            pass

    def _show_set(self, key: str, hivevars: dict[str, str], result: StatementResult) -> None:
        namespace, _, name = key.partition(':')
        value = hivevars.get(name) if namespace == 'hivevar' and name else self._hiveconf(name if namespace == 'hiveconf' else key)
        result.columns = ['set']
        result.rows = [[f'{key}={value}' if value is not None else f'{key} is undefined']]

    def _show_all(self, result: StatementResult) -> None:
        rows = self.spark.sql('SET').collect()
        result.columns = ['set']
        result.rows = [[f'{row[0]}={row[1]}'] for row in rows]

    def _run_sql(self, sql: str, result: StatementResult) -> None:
        frame = self.spark.sql(sql)
        if not frame.columns:
            return
        plan = frame._jdf.queryExecution().executedPlan()
        # HiveResult formats values as the CLI prints them (a Scala Seq; walked with its iterator, as
        # Scala 2.12 and 2.13 both have one).
        lines = self.spark._jvm.org.apache.spark.sql.execution.HiveResult.hiveResultString(plan).iterator()
        result.columns = list(frame.columns)
        result.rows = []
        while lines.hasNext():
            result.rows.append(str(lines.next()).split('\t'))

    def _print(self, result: StatementResult, request: ScriptRequest) -> None:
        if result.columns:
            if self._hiveconf('hive.cli.print.header') == 'true':
                self.out.write('\t'.join(result.columns) + '\n')
            for row in result.rows:
                self.out.write('\t'.join(row) + '\n')
            self.out.flush()
        if request.silent:
            return
        if request.program == 'spark-sql':
            fetched = f', Fetched {len(result.rows)} row(s)' if result.columns else ''
            self.err.write(f'Time taken: {result.duration_ms / 1000:.3f} seconds{fetched}\n')
        else:
            fetched = f', Fetched: {len(result.rows)} row(s)' if result.columns else ''
            self.err.write(f'OK\nTime taken: {result.duration_ms / 1000:.3f} seconds{fetched}\n')
        self.err.flush()
