/**
 * The session settings of the load scripts: the one list. Every load step carries them as `spark-sql`
 * arguments (`--conf` for Spark's own keys, `--hiveconf` for Hive's), so EMR and the local engine run each
 * script with the same settings from the same command; the scripts set none themselves. Values are Spark
 * 3.5's (the release's Spark, see engine.ts), written out even where they are the default so that neither
 * side's defaults (EMR's spark-defaults, a future Spark) can change what a load does.
 */

export interface EngineSetting {
  key: string;
  value: string;
  /** `spark`: a Spark SQL key, passed as `--conf`; `hive`: a Hive key Spark's Hive write path reads, passed as `--hiveconf`. */
  scope: 'spark' | 'hive';
  /** What it decides for the load scripts, and where Spark 3.5 documents it. */
  why: string;
}

const SQL_CONFIG = 'https://spark.apache.org/docs/3.5.6/configuration.html#runtime-sql-configuration';
const ANSI = 'https://spark.apache.org/docs/3.5.6/sql-ref-ansi-compliance.html';

export const engineSettings: readonly EngineSetting[] = [
  {
    key: 'spark.sql.ansi.enabled',
    value: 'false',
    scope: 'spark',
    why: `a cast that cannot be made (malformed number, int overflow, decimal overflow, impossible date) gives NULL instead of failing the load: ${ANSI}`,
  },
  {
    key: 'spark.sql.storeAssignmentPolicy',
    value: 'ANSI',
    scope: 'spark',
    why: `an INSERT of a value of another type than the column's is refused unless the script casts it (the scripts cast every column): ${ANSI}#store-assignment`,
  },
  {
    key: 'spark.sql.session.timeZone',
    value: 'UTC',
    scope: 'spark',
    why: `dates and timestamps are read and written in UTC, not in the time zone of the machine: ${SQL_CONFIG}`,
  },
  {
    key: 'spark.sql.sources.partitionOverwriteMode',
    value: 'dynamic',
    scope: 'spark',
    why: `INSERT OVERWRITE … PARTITION (col) replaces only the partitions the query writes, not the whole table: ${SQL_CONFIG}`,
  },
  {
    key: 'hive.exec.dynamic.partition',
    value: 'true',
    scope: 'hive',
    why: "Spark's Hive write path (V1WritesHiveUtils) refuses a dynamic-partition INSERT when this is false: https://github.com/apache/spark/blob/v3.5.6/sql/hive/src/main/scala/org/apache/spark/sql/hive/execution/V1WritesHiveUtils.scala",
  },
  {
    key: 'hive.exec.dynamic.partition.mode',
    value: 'nonstrict',
    scope: 'hive',
    why: "Spark's Hive write path refuses an INSERT whose partition columns are all dynamic in strict mode (its default): same source as above",
  },
  {
    key: 'spark.sql.hive.convertMetastoreOrc',
    value: 'true',
    scope: 'spark',
    why: "ORC tables of the metastore are read and written by Spark's native ORC source (which honours partitionOverwriteMode), not the Hive SerDe: https://spark.apache.org/docs/3.5.6/sql-data-sources-orc.html",
  },
  {
    key: 'spark.sql.orc.impl',
    value: 'native',
    scope: 'spark',
    why: "the ORC reader and writer are Apache ORC 1.9 (Spark's own), not Hive 2.3's: https://spark.apache.org/docs/3.5.6/sql-data-sources-orc.html",
  },
  {
    key: 'spark.sql.orc.compression.codec',
    value: 'snappy',
    scope: 'spark',
    why: "ORC files are Snappy-compressed, as the tables' orc.compress property says: https://spark.apache.org/docs/3.5.6/sql-data-sources-orc.html",
  },
  {
    key: 'spark.sql.shuffle.partitions',
    value: '200',
    scope: 'spark',
    why: `partitions of a shuffle (the joins and DISTRIBUTE BY of the fact load) before adaptive execution coalesces them to the data's size: ${SQL_CONFIG}`,
  },
  {
    key: 'spark.sql.adaptive.enabled',
    value: 'true',
    scope: 'spark',
    why: 'adaptive query execution: shuffle partitions coalesced, joins and partition pruning chosen from the data: https://spark.apache.org/docs/3.5.6/sql-performance-tuning.html#adaptive-query-execution',
  },
  {
    key: 'spark.sql.adaptive.coalescePartitions.enabled',
    value: 'true',
    scope: 'spark',
    why: 'a small load writes few files instead of one per shuffle partition: https://spark.apache.org/docs/3.5.6/sql-performance-tuning.html#coalescing-post-shuffle-partitions',
  },
];

/**
 * The settings as `spark-sql` arguments: `--conf key=value` and `--hiveconf key=value`, in list order.
 * Values never contain whitespace, since the step's command line is split on whitespace.
 */
export function engineSettingArguments(settings: readonly EngineSetting[] = engineSettings): string[] {
  return settings.flatMap((setting) => [setting.scope === 'spark' ? '--conf' : '--hiveconf', `${setting.key}=${setting.value}`]);
}
