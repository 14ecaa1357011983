"""Reads a script from a local path or from any Hadoop filesystem URI (s3a://, hdfs://, file:...)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

_URI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:')


def read_script(spark, location: str) -> str:
    if location.startswith('file:'):
        return _strip_bom(Path(unquote(urlparse(location).path)).read_text(encoding='utf-8'))
    if not _URI.match(location):
        return _strip_bom(Path(location).read_text(encoding='utf-8'))
    jvm = spark._jvm
    path = jvm.org.apache.hadoop.fs.Path(location)
    filesystem = path.getFileSystem(spark._jsc.hadoopConfiguration())
    if not filesystem.exists(path):
        raise FileNotFoundError(f'script not found: {location}')
    stream = filesystem.open(path)
    try:
        return _strip_bom(str(jvm.org.apache.commons.io.IOUtils.toString(stream, 'UTF-8')))
    finally:
        stream.close()


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith('\ufeff') else text
