// How long the local services take to start, idle and under CPU load: the figures the start bounds in
// src/support/start-bounds.ts are taken from. Each run starts s3proxy on a fresh folder and waits for its
// first HTTP answer; then starts the Spark engine against it and waits for its session.
//   pnpm --filter @data-pipeline/local-cloud run bench:starts -- [--runs 3] [--load 0,3] [--spark]
// `--load N` runs N busy-loop processes meanwhile (on 2 cores, 3 loops stand for `npm test`'s parallel lane
// of two tasks plus the exclusive suite's own other work).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSparkHiveEngine } from '../src/emr/spark-hive-engine';
import { startS3Server } from '../src/s3/s3-server';
import { S3_START_BOUND_MS, SPARK_START_BOUND_MS } from '../src/support/start-bounds';

const { values } = parseArgs({
  // pnpm passes the `--` before the options along.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { runs: { type: 'string', default: '3' }, load: { type: 'string', default: '0,3' }, spark: { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const loads = values.load.split(',').map(Number);

function busyLoops(count: number): () => void {
  const children = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return () => {
    for (const child of children) child.kill('SIGKILL');
  };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? 0, median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
};

const rows: Record<string, string>[] = [];
for (const load of loads) {
  const stop = busyLoops(load);
  const s3: number[] = [];
  const spark: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const root = mkdtempSync(join(tmpdir(), 'bench-starts-'));
      try {
        let started = performance.now();
        const server = await startS3Server({ dataDir: join(root, 'lake'), startTimeoutMs: 10 * S3_START_BOUND_MS });
        s3.push(performance.now() - started);
        if (values.spark) {
          started = performance.now();
          const engine = await startSparkHiveEngine({
            s3Endpoint: server.endpoint,
            region: 'eu-west-1',
            credentials: server.credentials,
            metastoreDir: join(root, 'metastore'),
            warehouseDir: join(root, 'warehouse'),
            startTimeoutMs: 10 * SPARK_START_BOUND_MS,
          });
          spark.push(performance.now() - started);
          await engine.stop();
        }
        await server.stop();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  } finally {
    stop();
  }
  const row = (service: string, bound: number, measured: number[]) => {
    const { min, median, max } = stats(measured);
    rows.push({
      service,
      'busy loops': String(load),
      runs: String(measured.length),
      'min s': (min / 1000).toFixed(1),
      'median s': (median / 1000).toFixed(1),
      'max s': (max / 1000).toFixed(1),
      'bound s': (bound / 1000).toFixed(0),
    });
  };
  row('s3proxy', S3_START_BOUND_MS, s3);
  if (values.spark) row('Spark engine', SPARK_START_BOUND_MS, spark);
}
console.log(`Service starts on ${(await import('node:os')).availableParallelism()} cores`);
console.table(rows);
