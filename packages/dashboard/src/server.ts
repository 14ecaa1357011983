// The dashboard's web server (Hono on Node): the page, its assets, a JSON API over the local services
// and the EMR step logs. Bound to 127.0.0.1 on a port chosen at run time unless one is given.
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type LocalNames, type Services, warehouseCounts } from '@data-pipeline/local';
import { tables as declaredTables, type TableDefinition } from '@data-pipeline/model';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { ASSETS, assetBody } from './assets';
import { BadRequestError, NotFoundError } from './errors';
import { notificationView } from './shaping/notifications';
import { clusters } from './sources/cluster';
import { KeptOutReader } from './sources/kept-out';
import { readSnapshots, rowCountsFile, startRecorder } from './sources/row-counts';
import { executionDetail, listExecutions, newRunsCache } from './sources/runs';
import { dataView, runsWithCounts } from './sources/views';

export interface DashboardContext {
  services: Services;
  names: LocalNames;
  /** Where row-count snapshots are kept (default: `dashboard/row-counts.jsonl` in the local cloud's folder). */
  rowCountsFile?: string;
  /** The tables to show (default: the model's declared tables). */
  tables?: readonly TableDefinition[];
}

const STEP_LOG_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Masters per page of the run history: ListExecutions takes 1 to 1000. */
export function pageSize(value: string | undefined): number {
  if (value === undefined) return 10;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    throw new BadRequestError(`size must be a whole number from 1 to 1000, not ${value}`);
  return size;
}

export function dashboardApp(context: DashboardContext): Hono {
  const { services, names } = context;
  const tables = context.tables ?? declaredTables;
  const countsFile = context.rowCountsFile ?? rowCountsFile(services.layout);
  const app = new Hono();

  for (const [path, asset] of Object.entries(ASSETS))
    app.get(path, (c) => c.body(new Uint8Array(assetBody(asset)), 200, { 'content-type': asset.type, 'cache-control': 'no-cache' }));

  app.get('/favicon.ico', (c) => c.body(null, 204));
  const cache = newRunsCache();
  const keptOut = new KeptOutReader(services.s3, names.bucket);
  app.get('/api/runs', async (c) => {
    const options = {
      next: c.req.query('next') || undefined,
      size: pageSize(c.req.query('size')),
      before: c.req.query('before') || undefined,
    };
    return c.json(await runsWithCounts(services.sfn, names, options, cache, { snapshots: readSnapshots(countsFile), keptOut, tables }));
  });
  app.get('/api/execution', async (c) => {
    const arn = c.req.query('arn');
    if (!arn) throw new BadRequestError('the query parameter arn (an execution ARN) is missing');
    const collapsed = (c.req.query('collapse') ?? '').split(',').filter(Boolean);
    return c.json(await executionDetail(services.sfn, names, arn, collapsed));
  });
  app.get('/api/clusters', async (c) => c.json(await clusters(services.emr)));
  app.get('/api/data', async (c) => c.json(await dataView(services, names, tables, { snapshots: readSnapshots(countsFile), keptOut })));
  app.get('/api/notifications', async (c) => {
    const messages = await services.messages();
    return c.json([...messages].sort((a, b) => b.Timestamp.localeCompare(a.Timestamp)).map((message) => notificationView(message)));
  });
  app.get('/logs/:cluster/:step/:stream', (c) => {
    const { cluster, step, stream } = c.req.param();
    if (!STEP_LOG_ID.test(cluster) || !STEP_LOG_ID.test(step) || !['stdout', 'stderr'].includes(stream))
      throw new BadRequestError(`no such step log: ${cluster}/${step}/${stream} (expected /logs/<cluster id>/<step id>/stdout|stderr)`);
    const file = join(services.layout.logs, 'emr', cluster, 'steps', step, stream);
    if (!existsSync(file)) throw new NotFoundError(`step ${step} of cluster ${cluster} has no ${stream} yet`);
    return c.text(readFileSync(file, 'utf8') || `(${stream} is empty)`);
  });

  app.notFound((c) => c.json({ error: `no such page: ${c.req.path}` }, 404));
  app.onError((error, c) => {
    const status = error instanceof NotFoundError ? 404 : error instanceof BadRequestError ? 400 : 500;
    return c.json({ error: error.message }, status);
  });
  return app;
}

export interface DashboardOptions extends DashboardContext {
  /** 0 (the default) lets the operating system pick a free port. */
  port?: number;
  /** How often to look for Master executions that ended, to record row counts (ms). */
  recordIntervalMs?: number;
  onError?: (error: Error) => void;
}

export interface Dashboard {
  url: string;
  close(): Promise<void>;
}

export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const app = dashboardApp(options);
  const file = options.rowCountsFile ?? rowCountsFile(options.services.layout);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port ?? 0 }, () => resolve(started));
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const recorder = startRecorder({
    file,
    intervalMs: options.recordIntervalMs ?? 3000,
    endedMasters: async () =>
      (await listExecutions(options.services.sfn, options.names, ['master']))
        .filter((row) => row.status !== 'RUNNING' && row.stop)
        .map((row) => ({ arn: row.arn, name: row.name, status: row.status, stoppedAt: row.stop ?? '' })),
    counts: () => warehouseCounts(options.services),
    onError: options.onError,
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await recorder.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A page left open keeps a connection (and may have a request in progress): stopping ends them.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
    },
  };
}
