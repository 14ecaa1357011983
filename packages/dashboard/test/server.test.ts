import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localNames, type Services, sdkClients } from '@data-pipeline/local';
import { localCloudLayout } from '@data-pipeline/local-cloud';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardApp } from '../src/server';

describe('Function: dashboardApp', () => {
  let dir: string;
  let app: ReturnType<typeof dashboardApp>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dashboard-server-'));
    const endpoints = { s3: 'http://127.0.0.1:9', sfn: 'http://127.0.0.1:9', emr: 'http://127.0.0.1:9', sns: 'http://127.0.0.1:9' };
    const services: Services = {
      endpoints,
      layout: localCloudLayout(dir),
      ...sdkClients({ endpoints, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local-secret' } }),
      query: async () => ({ columns: [], rows: [] }),
      messages: async () => [
        { MessageId: '1', TopicArn: 't', Subject: 'older', Message: 'a', Timestamp: '2026-01-01T10:00:00.000Z' },
        { MessageId: '2', TopicArn: 't', Subject: 'newer', Message: 'b', Timestamp: '2026-01-01T11:00:00.000Z' },
      ],
    };
    app = dashboardApp({ services, names: localNames() });
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the page, and Chart.js and Mermaid from node_modules', async () => {
    // Act
    const page = await app.request('/');
    const chart = await app.request('/vendor/chart.js');
    const mermaid = await app.request('/vendor/mermaid.js');

    // Assess
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<script src="/vendor/mermaid.js">');
    expect(chart.headers.get('content-type')).toContain('javascript');
    expect(await chart.text()).toContain('Chart.js');
    expect((await mermaid.text()).length).toBeGreaterThan(100_000);
  });

  it('returns the notifications newest first', async () => {
    // Act
    const response = await app.request('/api/notifications');

    // Assess
    expect(((await response.json()) as { subject: string }[]).map((message) => message.subject)).toEqual(['newer', 'older']);
  });

  it('returns svg-pan-zoom and the date adapter of Chart.js from node_modules', async () => {
    // Act
    const [panZoom, adapter] = await Promise.all([
      app.request('/vendor/svg-pan-zoom.js'),
      app.request('/vendor/chartjs-adapter-date-fns.js'),
    ]);

    // Assess
    expect(await panZoom.text()).toContain('svg-pan-zoom v3.6.2');
    expect(await adapter.text()).toContain('chartjs-adapter-date-fns v3.0.0');
  });

  it('returns 400 naming size when a page of runs is asked for with a size ListExecutions refuses', async () => {
    // Act
    const response = await app.request('/api/runs?size=0');

    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'size must be a whole number from 1 to 1000, not 0' });
  });

  it('returns a step log from the EMR logs folder', async () => {
    // Prepare
    const stepDir = join(dir, 'logs', 'emr', 'j-ABC', 'steps', 's-DEF');
    mkdirSync(stepDir, { recursive: true });
    writeFileSync(join(stepDir, 'stderr'), 'the load failed\n');

    // Act
    const response = await app.request('/logs/j-ABC/s-DEF/stderr');

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('the load failed\n');
  });

  it('returns 404 naming the step when its log does not exist', async () => {
    // Act
    const response = await app.request('/logs/j-ABC/s-NONE/stdout');

    // Assess
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'step s-NONE of cluster j-ABC has no stdout yet' });
  });

  it.each(['/logs/j-ABC/s-DEF/passwd', '/logs/..%2F..%2Fetc/s-DEF/stdout'])('returns 400 and reads no file for %s', async (path) => {
    // Act
    const response = await app.request(path);

    // Assess
    expect(response.status).toBe(400);
  });

  it('returns 400 naming the parameter when an execution is asked for without its ARN', async () => {
    // Act
    const response = await app.request('/api/execution');

    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'the query parameter arn (an execution ARN) is missing' });
  });
});
