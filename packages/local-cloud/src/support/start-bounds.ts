// How long a start of a local service may take before it is a failure, from measurements rather than
// guesses: `pnpm --filter @data-pipeline/local-cloud run bench:starts -- --spark --load 0,3` on a 2-core
// machine (figures in the README). Each bound is several times the slowest start measured under load, so
// that only a service that cannot start fails, and the error then says what was awaited and for how long.

/** s3proxy: from spawning the JVM to its first HTTP answer. */
export const S3_START_BOUND_MS = 90_000;

/** The Spark engine (a pyspark session with Hive support and S3A): from spawning python to the session. */
export { SPARK_START_BOUND_MS } from '@data-pipeline/spark-runner';

/** A test that starts `count` services in its body, one after another, gets their bounds plus its own work. */
export function testTimeoutFor(startBoundMs: number, count = 1, workMs = 30_000): number {
  return startBoundMs * count + workMs;
}
