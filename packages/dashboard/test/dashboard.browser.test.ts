// The dashboard in a real headless Chromium, over private local services holding five tables over more
// than 30 dates: a run of generated fact files beside a malformed one (quarantined), a row written
// without partition or lineage, the scenario's three other tables, a run of the samples, and one with
// an injected fact-load failure. Saves screenshots for the README.
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
import {
  createExtraTables,
  dateId,
  generatedFiles,
  insertRowWithoutPartition,
  malformedFactFile,
  SCENARIO_TABLES,
} from './support/scenario';

const quiet = () => {};
const screenshots = join(localDir(), 'screenshots', 'dashboard');
const DATES = 32;
/** The scenario's other facts span four more dates. */
const EXTRA_DATES = DATES + 4;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
}

const boxOf = (page: Page, selector: string) =>
  page.$eval(selector, (node) => {
    const { left, top, right, bottom, width } = node.getBoundingClientRect();
    return { left, top, right, bottom, width };
  });

const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left - 1 && inner.top >= outer.top - 1 && inner.right <= outer.right + 1 && inner.bottom <= outer.bottom + 1;

/** svg-pan-zoom draws its changes at the next frame. */
const frames = (page: Page) => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');

describe('Function: the dashboard in headless Chromium after local runs at scale', () => {
  let dir: string;
  let session: LocalSession;
  let dashboard: Dashboard;
  let browser: Browser;
  let page: Page;
  let generated: PipelineRunResult;
  let again: PipelineRunResult;
  let failed: PipelineRunResult;
  const countsFile = () => join(dir, 'dashboard', 'row-counts.jsonl');
  /** Two Masters a page: the three runs take two pages. */
  const pageUrl = (hash = '') => `${dashboard.url}?runs=2${hash}`;

  async function recorded(executionArn: string) {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (readSnapshots(countsFile()).some((snapshot) => snapshot.execution === executionArn)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the dashboard recorded no row counts after ${executionArn}`);
  }

  async function open(url: string) {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    await frames(page);
  }

  async function select(executionArn: string) {
    await page.click(`#runs-table tr[data-arn="${executionArn}"]`);
    await page.waitForSelector(`#execution[data-arn="${executionArn}"][data-state="ready"] #graph svg`);
    await frames(page);
  }

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    process.stdout.write(`dashboard screenshots: ${screenshots}\n`);
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'dashboard-'));
    session = await startAndDeploy({ dir });
    await resetLake(session.services, session.names.bucket);
    dashboard = await startDashboard({ services: session.services, names: session.names, tables: SCENARIO_TABLES, recordIntervalMs: 500 });
    const files = [...generatedFiles(dir, { rows: 3200, dates: DATES, files: 2 }), malformedFactFile(join(dir, 'bad'))];
    generated = await runPipeline(session.services, session.names, { files, print: quiet });
    await recorded(generated.executionArn);
    await insertRowWithoutPartition(session.services, session.names);
    await createExtraTables(session.services, session.names, { rows: 4000, dates: EXTRA_DATES });
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
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await session?.cloud.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("draws the newest Master's graph on first load, with the state where it failed in view", { timeout: 180_000 }, async () => {
    // Act
    await open(pageUrl());
    const panel = await page.$eval('#execution', (node) => (node as unknown as { dataset: Record<string, string> }).dataset);
    const failedNode = await boxOf(page, '#graph svg g.node.failed');
    const graph = await boxOf(page, '#graph');
    const failedText = await page.locator('#graph svg g.node.failed').textContent();
    await page.screenshot({ path: join(screenshots, 'dashboard.png') });
    await page.screenshot({ path: join(screenshots, 'dashboard-full.png'), fullPage: true });

    // Assess
    expect(failed.status).toBe('FAILED');
    expect(panel.arn).toBe(failed.executionArn);
    expect(failedText?.trim()).toBe(childStates('fact-process').check);
    expect(inside(failedNode, graph)).toBe(true);
  });

  it('fits the whole graph of a Master in its panel on open, its states apart, and zooms in with +', { timeout: 180_000 }, async () => {
    // Prepare
    await open(pageUrl(`#execution=${encodeURIComponent(again.executionArn)}`));

    // Act
    const graph = await boxOf(page, '#graph');
    const drawing = await boxOf(page, '#graph svg .svg-pan-zoom_viewport');
    const nodes = await page.$$eval('#graph svg g.node', (found) => found.map((node) => node.getBoundingClientRect().toJSON() as Box));
    await page.click('#graph-zoom-in');
    await frames(page);
    const zoomed = await boxOf(page, '#graph svg .svg-pan-zoom_viewport');

    // Assess
    expect(inside(drawing, graph)).toBe(true);
    expect(drawing.width).toBeGreaterThan(graph.width * 0.3);
    const overlapping = nodes.flatMap((a, i) =>
      nodes.slice(i + 1).filter((b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1),
    );
    expect(nodes.length).toBeGreaterThan(20);
    expect(overlapping).toEqual([]);
    expect(zoomed.width / drawing.width).toBeCloseTo(1.25, 1);
  });

  it('shows the Master as succeeded with its five children in order, and pages the run history', { timeout: 180_000 }, async () => {
    // Prepare
    await open(pageUrl());
    const firstPage = await page.$$eval('#runs-table tr.master', (rows) =>
      rows.map((row) => (row as unknown as { dataset: Record<string, string> }).dataset.arn),
    );

    // Act
    await page.click('#runs-older');
    await page.waitForSelector(`#runs-table tr.master[data-arn="${generated.executionArn}"]`);
    const bothPages = await page.$$eval('#runs-table tr.master', (rows) =>
      rows.map((row) => (row as unknown as { dataset: Record<string, string> }).dataset.arn),
    );
    const olderHidden = await page.locator('#runs-older').isHidden();
    const children = await page.$$eval(`#runs-table tr.master[data-arn="${again.executionArn}"] ~ tr`, (rows) =>
      rows.slice(0, 5).map((row) => (row as unknown as { dataset: Record<string, string> }).dataset.workflow),
    );
    const counts = await page.$eval(
      `#runs-table tr.counts[data-arn="${generated.executionArn}"] li[data-table="sample_country_tx_fact"]`,
      (item) => (item as unknown as { dataset: Record<string, string> }).dataset,
    );
    await page.locator('#runs').screenshot({ path: join(screenshots, 'dashboard-runs.png') });

    // Assess
    expect(firstPage).toEqual([failed.executionArn, again.executionArn]);
    expect(bothPages).toEqual([failed.executionArn, again.executionArn, generated.executionArn]);
    expect(olderHidden).toBe(true);
    expect(children).toEqual(['launch-emr-cluster', 'dimension-process', 'add-emr-workers', 'fact-process', 'terminate-emr-cluster']);
    expect(counts).toMatchObject({ rows: String(3200), quarantined: '3' });
  });

  it('draws one panel per table, five, the fact per date on a time axis over the last 30 dates of all, as Spark SQL counts it', {
    timeout: 180_000,
  }, async () => {
    // Prepare
    await open(pageUrl());
    const { rows } = await session.services.query(
      'SELECT CAST(date_id AS STRING), CAST(COUNT(*) AS STRING) FROM local_fact_db.sample_country_tx_fact WHERE date_id IS NOT NULL GROUP BY date_id ORDER BY date_id',
    );

    // Act
    const panels = await page.$$eval('.table-panel', (found) =>
      found.map((node) => (node as unknown as { dataset: Record<string, string> }).dataset.table),
    );
    const chart = () =>
      page.evaluate(() => {
        const { Chart } = globalThis as unknown as {
          Chart: {
            getChart(id: string):
              | {
                  options: { scales: { x: { type: string; min: string; max: string } } };
                  data: { datasets: { data: { x: string; y: number }[] }[] };
                  scales: Record<
                    string,
                    {
                      ticks: { label: string }[];
                      getPixelForTick(index: number): number;
                      ctx: { measureText(text: string): { width: number } };
                      options: { ticks: { font: { size: number } } };
                    }
                  >;
                }
              | undefined;
          };
        };
        const drawn = Chart.getChart('chart-sample_country_tx_fact');
        if (!drawn) return undefined;
        const scale = drawn.scales.x;
        const ticks =
          scale?.ticks.map((tick, index) => ({
            x: scale.getPixelForTick(index),
            width: scale.ctx.measureText(String(tick.label)).width,
          })) ?? [];
        return { x: drawn.options.scales.x, points: drawn.data.datasets[0]?.data ?? [], ticks };
      });
    const lastThirty = await chart();
    await page.click('.data-tools button[data-last="all"]');
    const all = await chart();
    await page.locator('#data').screenshot({ path: join(screenshots, 'dashboard-data.png') });

    // Assess
    const dates = rows.map((row) => `${row[0]?.slice(0, 4)}-${row[0]?.slice(4, 6)}-${row[0]?.slice(6, 8)}`);
    expect(panels).toEqual(SCENARIO_TABLES.map((table) => table.name));
    expect(rows.length).toBe(DATES);
    // The range is the same for every panel: the last 30 of all the tables' dates (the other facts have four more).
    const everyDate = Array.from({ length: EXTRA_DATES }, (_, day) => String(dateId(day)).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3'));
    expect(lastThirty?.x).toMatchObject({ type: 'time', min: everyDate[EXTRA_DATES - 30], max: everyDate.at(-1) });
    expect(all?.x).toMatchObject({ min: everyDate[0], max: everyDate.at(-1) });
    expect(lastThirty?.points).toEqual(rows.map((row, index) => ({ x: dates[index], y: Number(row[1]) })));
    const ticks = lastThirty?.ticks ?? [];
    expect(ticks.length).toBeGreaterThan(3);
    for (let index = 1; index < ticks.length; index += 1) {
      const [before, after] = [ticks[index - 1], ticks[index]];
      expect((after?.x ?? 0) - (before?.x ?? 0)).toBeGreaterThanOrEqual(((before?.width ?? 0) + (after?.width ?? 0)) / 2);
    }
  });

  it('flags in red the NULL partition, the row without lineage and the quarantined rows, with their counts and where to look', {
    timeout: 180_000,
  }, async () => {
    // Prepare
    await open(pageUrl());
    const panel = '.table-panel[data-table="sample_country_tx_fact"]';

    // Act
    const flags = await page.$$eval(`${panel} .flag`, (found) =>
      found.map((node) => ({
        kind: (node as unknown as { dataset: Record<string, string> }).dataset.kind,
        rows: (node as unknown as { dataset: Record<string, string> }).dataset.rows,
        text: node.textContent ?? '',
        border: (globalThis as unknown as { getComputedStyle(node: unknown): { borderLeftColor: string } }).getComputedStyle(node)
          .borderLeftColor,
      })),
    );
    const others = await page.$$eval('.table-panel:not([data-table="sample_country_tx_fact"]) .flag', (found) => found.length);
    await page.locator(panel).screenshot({ path: join(screenshots, 'dashboard-flags.png') });

    // Assess
    expect(flags.map((flag) => [flag.kind, flag.rows])).toEqual([
      ['partition', '1'],
      ['lineage', '1'],
      ['quarantined', '3'],
    ]);
    expect(flags[0]?.text).toContain('SELECT * FROM local_fact_db.sample_country_tx_fact WHERE date_id IS NULL');
    expect(flags[0]?.text).toContain('date_id=__HIVE_DEFAULT_PARTITION__/');
    expect(flags[2]?.text).toMatch(/data-workflows\/quarantine\/DWH\/facts\/sample_country_tx_fact\/[^/]+\/_report\.json/);
    for (const flag of flags) expect(flag.border).toBe('rgb(185, 28, 28)');
    expect(others).toBe(0);
  });

  it('shows a notification as a summary that opens to the full text, its executions by name linking to their runs', {
    timeout: 180_000,
  }, async () => {
    // Prepare
    await open(pageUrl(`#execution=${encodeURIComponent(again.executionArn)}`));
    const row = page.locator('#notifications-table tr.notification', { has: page.locator('details a.execution-link') }).first();

    // Act
    const summary = (await row.locator('summary').textContent()) ?? '';
    const closedHeight = (await row.boundingBox())?.height ?? 0;
    await row.locator('summary').click();
    const full = (await row.locator('.full').textContent()) ?? '';
    const openHeight = (await row.boundingBox())?.height ?? 0;
    const link = row.locator('.full a.execution-link').first();
    const [name, href] = [await link.textContent(), (await link.getAttribute('href')) ?? ''];
    await link.click();
    const target = decodeURIComponent(href.replace('#execution=', ''));
    await page.waitForSelector(`#execution[data-arn="${target}"][data-state="ready"] #graph svg`);

    // Assess
    expect(summary.length).toBeLessThan(full.length);
    expect(openHeight).toBeGreaterThan(closedHeight);
    expect(full).not.toContain('arn:aws:states');
    expect(target).toMatch(/^arn:aws:states:.*:execution:/);
    expect(name).toBe(target.split(':').pop());
  });

  it("highlights the failed state in the failed Master's graph and in its Fact Process's graph, with the error", {
    timeout: 180_000,
  }, async () => {
    // Prepare
    await open(pageUrl());
    const load = TABLE_STEPS.find((step) => step.step === 'load');
    const factRow = `#runs-table tr.master[data-arn="${failed.executionArn}"] ~ tr[data-workflow="fact-process"]`;

    // Act
    await select(failed.executionArn);
    const masterFailed = await page.locator('#graph svg g.node.failed').allTextContents();
    const masterError = await page.locator('#execution-error').textContent();
    await page.locator('#runs').screenshot({ path: join(screenshots, 'dashboard-failed-master.png') });
    const factArn = (await page.locator(factRow).first().getAttribute('data-arn')) ?? '';
    await select(factArn);
    const factFailed = await page.locator('#graph svg g.node.failed').allTextContents();
    const factError = await page.locator('#execution-error').textContent();
    const inView = inside(await boxOf(page, '#graph svg g.node.failed'), await boxOf(page, '#graph'));
    await page.locator('#runs').screenshot({ path: join(screenshots, 'dashboard-failed-fact.png') });
    await page.uncheck('#graph-maps input[type="checkbox"]');
    await page.waitForFunction("document.querySelector('#graph svg g.node.failed')?.textContent?.includes('⊞')");
    const collapsedFailed = await page.locator('#graph svg g.node.failed').allTextContents();

    // Assess
    expect(masterFailed.map((text) => text.trim())).toEqual([childStates('fact-process').check]);
    expect(masterError).toContain('ChildWorkflowFailed');
    expect(factFailed.map((text) => text.trim())).toEqual([load?.check]);
    expect(inView).toBe(true);
    expect(factError).toContain('EmrStepFailed');
    expect(collapsedFailed.map((text) => text.trim())).toEqual([expect.stringMatching(/\(each item\) ⊞ \d+ states$/)]);
  });
});
