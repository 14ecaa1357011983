// `pnpm bench`: wall time of `pnpm synth`'s work (a cold Node process rendering data-pipeline-dev and
// data-pipeline-prod into a fresh directory), median of BENCH_RUNS runs (default 3). Prints the figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const infraRoot = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const times = [];
for (let run = 1; run <= runs; run++) {
  const outdir = mkdtempSync(join(tmpdir(), 'infra-bench-'));
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: infraRoot,
    // Both environments: the account's settings files when set up, else the shipped examples.
    env: { DATA_PIPELINE_SETTINGS: 'example', ...process.env, CDKTF_OUTDIR: outdir },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = ['dev', 'prod'].every((env) => existsSync(join(outdir, 'stacks', `data-pipeline-${env}`, 'cdk.tf.json')));
  rmSync(outdir, { recursive: true, force: true });
  if (result.status !== 0 || !ok) {
    process.stderr.write(result.stderr);
    throw new Error(`synth run ${run} failed (exit ${result.status})`);
  }
  times.push(seconds);
  console.log(`run ${run}: ${seconds.toFixed(2)} s`);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(
  `synth of data-pipeline-dev + data-pipeline-prod (cold process): median ${median.toFixed(2)} s of ${runs} runs (target < 10 s)`,
);
