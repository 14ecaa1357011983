"""Splits a HiveQL script into statements the way the Hive CLI does.

Semicolons end statements unless they sit inside a quoted string ('...', "..." or `...`)
or a comment. `--` comments run to the end of the line; `/* ... */` comments are removed too.
A backslash escapes the next character inside single- and double-quoted strings, as in HiveQL.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    text: str
    """The statement without comments or the closing semicolon, trimmed."""
    line: int
    """1-based line of the script on which the statement starts."""


class UnterminatedError(ValueError):
    """A quoted string or block comment is still open at the end of the script."""


def split_statements(script: str) -> list[Statement]:
    statements: list[Statement] = []
    current: list[str] = []
    start_line: int | None = None
    line = 1
    quote: str | None = None
    quote_line = 0
    i = 0
    n = len(script)

    def flush() -> None:
        nonlocal current, start_line
        text = ''.join(current).strip()
        if text:
            statements.append(Statement(text=text, line=start_line or line))
        current = []
        start_line = None

    while i < n:
        ch = script[i]
        if quote is not None:
            current.append(ch)
            if ch == '\\' and quote != '`' and i + 1 < n:
                current.append(script[i + 1])
                if script[i + 1] == '\n':
                    line += 1
                i += 2
                continue
            if ch == '\n':
                line += 1
            elif ch == quote:
                quote = None
            i += 1
            continue
        if ch == '-' and script.startswith('--', i):
            end = script.find('\n', i)
            i = n if end < 0 else end
            continue
        if ch == '/' and script.startswith('/*', i):
            end = script.find('*/', i + 2)
            if end < 0:
                raise UnterminatedError(f'block comment opened on line {line} is never closed')
            comment = script[i : end + 2]
            line += comment.count('\n')
            current.append('\n' * comment.count('\n') if '\n' in comment else ' ')
            i = end + 2
            continue
        if ch == ';':
            flush()
            i += 1
            continue
        if ch in ('\'', '"', '`'):
            quote = ch
            quote_line = line
        if start_line is None and not ch.isspace():
            start_line = line
        if ch == '\n':
            line += 1
        current.append(ch)
        i += 1

    if quote is not None:
        raise UnterminatedError(f'quoted string ({quote}) opened on line {quote_line} is never closed')
    flush()
    return statements
