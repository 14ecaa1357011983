// The dashboard in a real headless Chromium, over private local services on which the Master ran twice
// successfully (the same files again: their rows replaced, not doubled) and once with an injected fact-load failure. Saves screenshots for
// the README.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childStates, TABLE_STEPS } from '@data-pipeline/asl';
import { type LocalSession, type PipelineRunResult, resetLake, runPipeline, sampleFiles, startAndDeploy } from '@data-pipeline/local';
import { localDir } from '@data-pipeline/local-cloud';
import { getTable, workflowStepsOf } from '@data-pipeline/model';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dashboard, startDashboard } from '../src/server';
import { readSnapshots } from '../src/sources/row-counts';
import { launchChromium } from './support/browser';

const quiet = () => {};
const screenshots = join(localDir(), 'screenshots', 'dashboard');

interface PageChart {
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

/** Chart.js's chart on a canvas, as the page drew it. */
function chartData(page: Page, canvasId: string): Promise<PageChart | undefined> {
  return page.evaluate((id) => {
    const { Chart } = globalThis as unknown as { Chart: { getChart(id: string): { data: PageChart } | undefined } };
    const chart = Chart.getChart(id);
    return chart ? { labels: chart.data.labels, datasets: chart.data.datasets.map(({ label, data }) => ({ label, data })) } : undefined;
  }, canvasId);
}

describe('Function: the dashboard in headless Chromium after local runs', () => {
  let dir: string;
  let session: LocalSession;
  let dashboard: Dashboard;
  let browser: Browser;
  let page: Page;
  let succeeded: PipelineRunResult;
  let again: PipelineRunResult;
  let failed: PipelineRunResult;
  const countsFile = () => join(dir, 'dashboard', 'row-counts.jsonl');

  async function recorded(executionArn: string) {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (readSnapshots(countsFile()).some((snapshot) => snapshot.execution === executionArn)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the dashboard recorded no row counts after ${executionArn}`);
  }

  async function select(executionArn: string) {
    await page.click(`#runs-table tr[data-arn="${executionArn}"]`);
    await page.waitForSelector(`#execution[data-arn="${executionArn}"][data-state="ready"] #graph svg`);
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    process.stdout.write(`dashboard screenshots: ${screenshots}\n`);
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'dashboard-'));
    session = await startAndDeploy({ dir });
    await resetLake(session.services, session.names.bucket);
    dashboard = await startDashboard({ services: session.services, names: session.names, recordIntervalMs: 500 });
    succeeded = await runPipeline(session.services, session.names, { files: sampleFiles(), print: quiet });
    await recorded(succeeded.executionArn);
    again = await runPipeline(session.services, session.names, { files: sampleFiles(), print: quiet });
    await recorded(again.executionArn);
    session.cloud.emr.faults.steps.push({
      stepName: workflowStepsOf(session.names.env, getTable('sample_country_tx_fact'), session.names.bucket).load.Step_Name,
      message: 'Injected: the fact load failed',
      remaining: 1,
    });
    failed = await runPipeline(session.services, session.names, { files: sampleFiles(), print: quiet });
    await recorded(failed.executionArn);
    page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
    await page.goto(`${dashboard.url}#execution=${encodeURIComponent(succeeded.executionArn)}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await session?.cloud.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the Master as succeeded, with its five children in order', { timeout: 120_000 }, async () => {
    // Prepare
    const row = page.locator(`#runs-table tr.master[data-arn="${succeeded.executionArn}"]`);

    // Act
    const status = await row.getAttribute('data-status');
    const shown = await row.locator('.status').textContent();
    const children = await page.$$eval(`#runs-table tr.master[data-arn="${succeeded.executionArn}"] ~ tr`, (rows) =>
      rows.slice(0, 5).map((row) => (row as unknown as { dataset: Record<string, string> }).dataset.workflow),
    );
    await page.screenshot({ path: join(screenshots, 'dashboard-full.png'), fullPage: true });
    await page.screenshot({ path: join(screenshots, 'dashboard.png') });

    // Assess
    expect([succeeded.status, again.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(status).toBe('SUCCEEDED');
    expect(shown).toBe('SUCCEEDED');
    expect(children).toEqual(['launch-emr-cluster', 'dimension-process', 'add-emr-workers', 'fact-process', 'terminate-emr-cluster']);
  });

  it('draws the fact chart of tx_amount per date_id, the sums Spark SQL gives', { timeout: 120_000 }, async () => {
    // Prepare
    const { rows } = await session.services.query(
      `SELECT CAST(date_id AS STRING), CAST(SUM(tx_amount) AS STRING) FROM local_fact_db.sample_country_tx_fact GROUP BY date_id ORDER BY date_id`,
    );

    // Act
    const chart = await chartData(page, 'chart-sample_country_tx_fact-tx_amount');
    await page.locator('#data').screenshot({ path: join(screenshots, 'dashboard-data.png') });

    // Assess
    expect(rows.length).toBeGreaterThan(1);
    expect(chart?.labels).toEqual(rows.map((row) => row[0]));
    expect(chart?.datasets).toEqual([{ label: 'sum of tx_amount', data: rows.map((row) => Number(row[1])) }]);
  });

  it('draws the fact rows per partition after each of the three runs', { timeout: 120_000 }, async () => {
    // Act
    const chart = await chartData(page, 'counts-sample_country_tx_fact');

    // Assess
    const runs = [succeeded, again, failed].map((run) => run.counts.sample_country_tx_fact ?? {});
    expect(chart?.labels).toHaveLength(3);
    expect(chart?.datasets.map((dataset) => dataset.label).sort()).toEqual(Object.keys(runs[1] ?? {}).sort());
    for (const dataset of chart?.datasets ?? []) expect(dataset.data).toEqual(runs.map((counts) => counts[dataset.label] ?? 0));
  });

  it("highlights the failed state in the failed Master's graph and in its Fact Process's graph, with the error", {
    timeout: 120_000,
  }, async () => {
    // Prepare
    const load = TABLE_STEPS.find((step) => step.step === 'load');
    const factRow = `#runs-table tr.master[data-arn="${failed.executionArn}"] ~ tr[data-workflow="fact-process"]`;

    // Act
    await select(failed.executionArn);
    const masterFailed = await page.locator('#graph svg g.node.failed').allTextContents();
    const masterError = await page.locator('#execution-error').textContent();
    await page.locator('#runs').screenshot({ path: join(screenshots, 'dashboard-failed-master.png') });
    await page.screenshot({ path: join(screenshots, 'dashboard-failed.png') });
    const factArn = (await page.locator(factRow).first().getAttribute('data-arn')) ?? '';
    await select(factArn);
    const factFailed = await page.locator('#graph svg g.node.failed').allTextContents();
    const factError = await page.locator('#execution-error').textContent();
    await page.locator('#runs').screenshot({ path: join(screenshots, 'dashboard-failed-fact.png') });

    // Assess
    expect(failed.status).toBe('FAILED');
    expect(masterFailed.map((text) => text.trim())).toEqual([childStates('fact-process').check]);
    expect(masterError).toContain('ChildWorkflowFailed');
    expect(factFailed.map((text) => text.trim())).toEqual([load?.check]);
    expect(factError).toContain('EmrStepFailed');
  });
});
