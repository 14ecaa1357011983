"""Hive variable substitution: ${name}, ${hivevar:name}, ${hiveconf:name}, ${env:name}, ${system:name}, and
spark-sql's ${spark:name} and ${sparkconf:name} (the session configuration, as ${hiveconf:name}).

`${name}` looks in the Hive variables first, then in the configuration, as Hive does. Values may
themselves contain references; substitution repeats up to Hive's depth of 40. Unlike Hive, which
leaves an unknown reference in place and lets the query fail later, an undefined variable is an
error that names it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping

_REFERENCE = re.compile(r'\$\{([^${}]+)\}')
_MAX_DEPTH = 40


class UndefinedVariableError(KeyError):
    def __init__(self, reference: str) -> None:
        super().__init__(reference)
        self.reference = reference

    def __str__(self) -> str:
        return f'undefined Hive variable ${{{self.reference}}}: pass it with -d {self.reference.split(":")[-1]}=VALUE (or --hivevar)'


def substitute(
    text: str,
    hivevars: Mapping[str, str],
    hiveconf: Callable[[str], str | None],
    system: Mapping[str, str] | None = None,
) -> str:
    def resolve(match: re.Match[str]) -> str:
        reference = match.group(1)
        namespace, _, name = reference.partition(':')
        if not name:
            namespace, name = '', reference
        value: str | None
        if namespace == 'hivevar':
            value = hivevars.get(name)
        elif namespace in ('hiveconf', 'spark', 'sparkconf'):
            value = hiveconf(name)
        elif namespace == 'env':
            value = os.environ.get(name)
        elif namespace == 'system':
            value = (system or {}).get(name)
        elif namespace == '':
            value = hivevars.get(name)
            if value is None:
                value = hiveconf(name)
        else:
            value = None
        if value is None:
            raise UndefinedVariableError(reference)
        return value

    for _ in range(_MAX_DEPTH):
        replaced = _REFERENCE.sub(resolve, text)
        if replaced == text:
            return replaced
        text = replaced
    return text


def parse_assignment(item: str, option: str) -> tuple[str, str]:
    """Parses NAME=VALUE from a -d / --hivevar / --hiveconf / --conf argument."""
    name, sep, value = item.partition('=')
    if not sep or not name.strip():
        raise ValueError(f'{option} expects NAME=VALUE, got {item!r}')
    return name.strip(), value
