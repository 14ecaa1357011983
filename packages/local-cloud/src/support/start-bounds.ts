// How long a start of a local service may take before it is a failure, from measurements rather than
// guesses: `pnpm --filter @data-pipeline/local-cloud run bench:starts -- --spark --load 0,3,8` on a 2-core
// machine (figures in the README). Slowest starts measured: s3proxy 1.0 s idle, 2.4 s beside 3 busy loops,
// 5.3 s beside 8; Spark 5.4 s, 13.4 s and 28.7 s. Each bound is many times the slowest (`npm test` loads
// the machine about as 3 loops do), so only a service that cannot start fails, and its error then says
// what was awaited and for how long.

/** s3proxy: from spawning the JVM to its first HTTP answer (17 times the slowest start measured). */
export const S3_START_BOUND_MS = 90_000;

/** The Spark engine (a pyspark session with Hive support and S3A): from spawning python to the session (8 times the slowest). */
export { SPARK_START_BOUND_MS } from '@data-pipeline/spark-runner';

/** A test that starts `count` services in its body, one after another, gets their bounds plus its own work. */
export function testTimeoutFor(startBoundMs: number, count = 1, workMs = 30_000): number {
  return startBoundMs * count + workMs;
}
