/**
 * The engine the load scripts run on, the same on EMR and locally: Spark SQL (`spark-sql -f`), with the
 * Glue Data Catalog as the metastore on EMR. The cluster's release fixes the Spark version; the local
 * engine (packages/spark-runner) pins the pyspark of that version, and a test compares the two.
 */
import { UnknownReleaseError } from './errors';

/**
 * The Spark each EMR release ships, from the Spark release history of the EMR Release Guide:
 * https://docs.aws.amazon.com/emr/latest/ReleaseGuide/Spark-release-history.html
 * (the releases listed there from 7.9.0 on). `build` is EMR's own build of it: Amazon's patches on top of the
 * Apache release `spark`, which is what the local engine runs.
 * The 7.x releases ship Scala 2.12.18 (https://docs.aws.amazon.com/emr/latest/ReleaseGuide/emr-release-app-versions-7.x.html).
 */
export const EMR_RELEASE_SPARK = {
  'emr-7.9.0': { spark: '3.5.5', build: '3.5.5-amzn-0' },
  'emr-7.10.0': { spark: '3.5.5', build: '3.5.5-amzn-1' },
  'emr-7.11.0': { spark: '3.5.6', build: '3.5.6-amzn-0' },
  'emr-7.12.0': { spark: '3.5.6', build: '3.5.6-amzn-1' },
  'emr-7.13.0': { spark: '3.5.6', build: '3.5.6-amzn-2' },
} as const satisfies Record<string, { spark: string; build: string }>;

export type EmrRelease = keyof typeof EMR_RELEASE_SPARK;

/** The release every environment's cluster runs: Spark 3.5.6, which the local engine pins too. */
export const EMR_RELEASE_LABEL: EmrRelease = 'emr-7.12.0';

/**
 * The applications the cluster installs. Spark runs the load steps (`spark-sql`), Hadoop the archive steps
 * (`s3-dist-cp`). Hive is not installed: no step runs `hive`, and a cluster without it starts sooner.
 */
export const CLUSTER_APPLICATIONS = ['Hadoop', 'Spark'] as const;

/** The program of the load steps, and the application it needs on the cluster. */
export const LOAD_PROGRAM = { command: 'spark-sql', application: 'Spark' } as const;

/** The Apache Spark version of a release (the version pyspark must have locally), or UnknownReleaseError. */
export function sparkVersionOf(releaseLabel: string): string {
  const entry = (EMR_RELEASE_SPARK as Record<string, { spark: string }>)[releaseLabel];
  if (!entry) throw new UnknownReleaseError(releaseLabel, Object.keys(EMR_RELEASE_SPARK));
  return entry.spark;
}

/** major.minor of a version string: what must agree between the cluster's Spark and the local one at the least. */
export function minorVersionOf(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}
