"""Recognises the Hive CLI's own commands among a script's statements; everything else is SQL."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SET = re.compile(r'^set(?:\s+(?P<rest>.*))?$', re.IGNORECASE | re.DOTALL)
_SOURCE = re.compile(r'^source\s+(?P<path>\S.*)$', re.IGNORECASE | re.DOTALL)
_QUIT = re.compile(r'^(quit|exit)$', re.IGNORECASE)
_UNSUPPORTED = re.compile(r'^(dfs\s|!|compile\s|delete\s+(jar|file|archive)s?\s)', re.IGNORECASE)


@dataclass(frozen=True)
class Command:
    kind: str
    """'set' | 'show-set' | 'show-all-set' | 'source' | 'quit' | 'unsupported' | 'sql'"""
    key: str = ''
    value: str = ''


def classify(statement: str) -> Command:
    match = _SET.match(statement)
    if match:
        rest = (match.group('rest') or '').strip()
        if rest in ('', '-v'):
            return Command('show-all-set')
        key, sep, value = rest.partition('=')
        if not sep:
            return Command('show-set', key=key.strip())
        return Command('set', key=key.strip(), value=value.strip())
    match = _SOURCE.match(statement)
    if match:
        return Command('source', value=match.group('path').strip())
    if _QUIT.match(statement):
        return Command('quit')
    if _UNSUPPORTED.match(statement):
        return Command('unsupported', value=statement.split()[0])
    return Command('sql')
