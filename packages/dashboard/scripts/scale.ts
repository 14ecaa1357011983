// The dashboard at scale, measured: private local services, a pipeline run of generated fact files
// (default 3,000,000 rows over 32 dates) with a malformed file beside them, a row without partition or
// lineage, the scenario's three other tables, then a run whose fact load fails. Prints how long the
// API answers and the page takes in headless Chromium, and how large the answers are; with
// --screenshot <file> saves the page as a user first sees it.
//
//   pnpm --filter @data-pipeline/dashboard exec tsx scripts/scale.ts [--rows N] [--dates D] [--files F] [--screenshot <png>] [--serve]
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resetLake, runPipeline, sampleFiles, startAndDeploy } from '@data-pipeline/local';
import { getTable, workflowStepsOf } from '@data-pipeline/model';
import { acquireExclusiveTestLock } from '../../../vitest.exclusive';
import { startDashboard } from '../src/server';
import { readSnapshots } from '../src/sources/row-counts';
import { launchChromium } from '../test/support/browser';
import { createExtraTables, generatedFiles, insertRowWithoutPartition, malformedFactFile, SCENARIO_TABLES } from '../test/support/scenario';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '3000000' },
    dates: { type: 'string', default: '32' },
    files: { type: 'string', default: '8' },
    screenshot: { type: 'string' },
    serve: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const dates = Number(values.dates);
const figures: [string, string][] = [];
const quiet = () => {};
const log = (line: string) => process.stderr.write(`[scale] ${line}\n`);

async function timed<T>(what: string, act: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await act();
  figures.push([what, `${((performance.now() - start) / 1000).toFixed(2)} s`]);
  return result;
}

// Spark and Chromium: the machine-wide lock of the suites that start them, so that none starves the other.
const release = await acquireExclusiveTestLock('@data-pipeline/dashboard scripts/scale.ts');
const dir = mkdtempSync(join(tmpdir(), 'dashboard-scale-'));
const countsFile = join(dir, 'dashboard', 'row-counts.jsonl');

/** Waits until the dashboard has recorded the row counts after a run (its snapshot of the warehouse). */
async function recorded(executionArn: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!readSnapshots(countsFile).some((snapshot) => snapshot.execution === executionArn)) {
    if (Date.now() > deadline) throw new Error(`no row counts recorded after ${executionArn}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
const session = await startAndDeploy({ dir, print: log });
try {
  await resetLake(session.services, session.names.bucket);
  const dashboard = await startDashboard({
    services: session.services,
    names: session.names,
    tables: SCENARIO_TABLES,
    recordIntervalMs: 500,
  });
  const files = generatedFiles(dir, { rows, dates, files: Number(values.files) });
  log(`generated ${rows} fact rows over ${dates} dates; running the pipeline`);
  const big = await timed(`pipeline run of ${rows.toLocaleString('en')} fact rows over ${dates} dates`, () =>
    runPipeline(session.services, session.names, { files: [...files, malformedFactFile(join(dir, 'bad'))], print: quiet }),
  );
  log(`first run: ${big.status} ${big.problems.join('; ')}`);
  await recorded(big.executionArn);
  await insertRowWithoutPartition(session.services, session.names);
  await createExtraTables(session.services, session.names, { rows: Math.min(rows, 200_000), dates: dates + 6 });
  session.cloud.emr.faults.steps.push({
    stepName: workflowStepsOf(session.names.env, getTable('sample_country_tx_fact'), session.names.bucket).load.Step_Name,
    message: 'Injected: the fact load failed',
    remaining: 1,
  });
  const failed = await runPipeline(session.services, session.names, { files: sampleFiles(), print: quiet });
  log(`second run: ${failed.status}`);
  await recorded(failed.executionArn);

  for (const path of ['/api/runs', '/api/data', `/api/execution?arn=${encodeURIComponent(failed.executionArn)}`, '/api/notifications']) {
    const body = await timed(`GET ${path.replace(/\?.*/, '')}`, async () => (await fetch(new URL(path, dashboard.url))).text());
    figures.push([`  its answer`, `${(body.length / 1024).toFixed(1)} KiB`]);
  }
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
  await timed('page load to every section drawn (Chromium)', async () => {
    await page.goto(dashboard.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 300_000 });
  });
  if (values.screenshot) await page.screenshot({ path: values.screenshot });
  await browser.close();

  const width = Math.max(...figures.map(([what]) => what.length));
  process.stdout.write(`${figures.map(([what, value]) => `${what.padEnd(width)}  ${value}`).join('\n')}\n`);
  if (values.serve) {
    process.stdout.write(`dashboard: ${dashboard.url}  (stop with Ctrl-C)\n`);
    await new Promise((resolve) => process.once('SIGINT', resolve));
  }
  await dashboard.close();
} finally {
  await session.cloud.stop();
  rmSync(dir, { recursive: true, force: true });
  await release();
}
