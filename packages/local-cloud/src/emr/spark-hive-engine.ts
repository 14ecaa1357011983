// The engine behind a local cluster's `spark-sql` (and `hive`) steps: one long-lived Spark session with
// Hive support per cluster (started while the cluster bootstraps), reading and writing the local S3
// through Hadoop S3A — s3:// URIs included, as EMRFS would — with the metastore on local disk.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HiveSession } from '@data-pipeline/spark-runner';
import { jarsDir } from '../support/paths';
import type { HiveEngine } from './commands/result';

export interface SparkHiveOptions {
  s3Endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  metastoreDir: string;
  warehouseDir: string;
  startTimeoutMs?: number;
}

/** The jars Spark needs for S3A (hadoop-aws and the AWS SDK modules fetched by the package setup). */
export function s3aJars(): string[] {
  return readdirSync(jarsDir())
    .filter((name) => name.endsWith('.jar') && !name.startsWith('s3proxy-'))
    .map((name) => join(jarsDir(), name));
}

export function s3aSparkConf(options: Pick<SparkHiveOptions, 's3Endpoint' | 'region' | 'credentials'>): Record<string, string> {
  const s3a = {
    endpoint: options.s3Endpoint,
    'endpoint.region': options.region,
    'path.style.access': 'true',
    'connection.ssl.enabled': 'false',
    'access.key': options.credentials.accessKeyId,
    'secret.key': options.credentials.secretAccessKey,
    'aws.credentials.provider': 'org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider',
    'change.detection.mode': 'none',
  };
  return {
    'spark.jars': s3aJars().join(','),
    'spark.hadoop.fs.s3.impl': 'org.apache.hadoop.fs.s3a.S3AFileSystem',
    'spark.hadoop.fs.s3n.impl': 'org.apache.hadoop.fs.s3a.S3AFileSystem',
    ...Object.fromEntries(Object.entries(s3a).map(([key, value]) => [`spark.hadoop.fs.s3a.${key}`, value])),
  };
}

export async function startSparkHiveEngine(options: SparkHiveOptions): Promise<HiveEngine> {
  const session = await HiveSession.start({
    warehouseDir: options.warehouseDir,
    metastoreDir: options.metastoreDir,
    sparkConf: {
      ...s3aSparkConf(options),
      // Each EMR step is a new hive process that lists a table's files afresh; a long-lived session must
      // not keep listings (or relations) from an earlier step, or it reads files another step deleted.
      'spark.sql.filesourceTableRelationCacheSize': '0',
      'spark.sql.hive.filesourcePartitionFileCacheSize': '0',
    },
    startTimeoutMs: options.startTimeoutMs,
  });
  return {
    runCli: (args) => session.runCli(args),
    runCommand: (argv) => session.runCommand(argv),
    stop: () => session.close(),
  };
}
