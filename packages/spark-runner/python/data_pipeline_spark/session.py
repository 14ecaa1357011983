"""Creates the SparkSession: Hive support on, an embedded Derby metastore and the warehouse under given folders."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

_LOG4J = Path(__file__).with_name('log4j2.properties')


@dataclass(frozen=True)
class SessionSettings:
    warehouse_dir: str
    metastore_dir: str
    conf: Mapping[str, str] = field(default_factory=dict)
    app_name: str = 'hive-on-spark'


def session_conf(settings: SessionSettings) -> dict[str, str]:
    """The Spark configuration of a runner session (where the metastore and warehouse are, no UI); entries of
    `settings.conf` win.

    Derby would put metastore_db and derby.log in the working directory, Hive its scratch folders
    under /tmp: all of them go under the metastore folder instead.
    """
    metastore = Path(settings.metastore_dir).resolve()
    warehouse = Path(settings.warehouse_dir).resolve()
    java_options = ' '.join(
        [
            f'-Dderby.system.home={metastore}',
            f'-Dderby.stream.error.file={metastore / "derby.log"}',
            f'-Dlog4j2.configurationFile={_LOG4J.as_uri()}',
        ]
    )
    conf = {
        'spark.master': 'local[*]',
        'spark.app.name': settings.app_name,
        'spark.ui.enabled': 'false',
        'spark.ui.showConsoleProgress': 'false',
        'spark.sql.catalogImplementation': 'hive',
        'spark.sql.warehouse.dir': warehouse.as_uri(),
        'spark.hadoop.javax.jdo.option.ConnectionURL': f'jdbc:derby:;databaseName={metastore / "metastore_db"};create=true',
        'spark.hadoop.hive.exec.scratchdir': str(metastore / 'scratch'),
        'spark.hadoop.hive.exec.local.scratchdir': str(metastore / 'local-scratch'),
        'spark.hadoop.hive.downloaded.resources.dir': str(metastore / 'resources'),
        'spark.hadoop.hive.querylog.location': str(metastore / 'querylog'),
        'spark.driver.extraJavaOptions': java_options,
        # No engine semantics here (ANSI mode, time zone, partition overwrite, shuffle partitions): a load step
        # brings them as spark-sql --conf / --hiveconf, from the model's one list, as it does on EMR.
    }
    for key, value in settings.conf.items():
        if key == 'spark.driver.extraJavaOptions':
            conf[key] = f'{conf[key]} {value}'
        else:
            conf[key] = value
    return conf


def create_session(settings: SessionSettings):  # -> pyspark.sql.SparkSession
    from pyspark.sql import SparkSession

    Path(settings.metastore_dir).mkdir(parents=True, exist_ok=True)
    Path(settings.warehouse_dir).mkdir(parents=True, exist_ok=True)
    builder = SparkSession.builder
    for key, value in session_conf(settings).items():
        builder = builder.config(key, value)
    # The driver binds to loopback only (no lookup of the host's address, nothing exposed).
    os.environ.setdefault('SPARK_LOCAL_IP', '127.0.0.1')
    spark = builder.enableHiveSupport().getOrCreate()
    spark.sparkContext.setLogLevel('WARN')
    return spark
