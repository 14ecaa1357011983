// `pnpm local up` keeps the services running in a background process; this is how other commands find
// it: a state file with its pid, the endpoints, and a control endpoint for what AWS APIs do not cover
// (Spark SQL on the catalog).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { LocalCloud, LocalCloudLayout, PublishedMessage } from '@data-pipeline/local-cloud';
import { cloudDir } from './paths';
import { type Endpoints, type QueryResult, runQuery, type Services, sdkClients } from './services';

export interface DaemonState extends Endpoints {
  pid: number;
  control: string;
  layout: LocalCloudLayout;
  startedAt: string;
}

export const daemonStateFile = () => join(cloudDir(), 'daemon.json');

export function readDaemonState(): DaemonState | undefined {
  const file = daemonStateFile();
  if (!existsSync(file)) return undefined;
  const state = JSON.parse(readFileSync(file, 'utf8')) as DaemonState;
  try {
    process.kill(state.pid, 0);
    return state;
  } catch {
    rmSync(file, { force: true });
    return undefined;
  }
}

/** Serves the control endpoint of a running local cloud; resolves with its URL. */
export function startControl(cloud: LocalCloud): Promise<{ url: string; close: () => void }> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      if (request.method === 'POST' && request.url === '/query') {
        const { sql } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { sql: string };
        const result = await runQuery(await cloud.catalogEngine(), sql);
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify(result));
      }
      response.writeHead(404).end();
    } catch (error) {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: (error as Error).message }));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => server.close() });
    }),
  );
}

export function writeDaemonState(state: DaemonState): void {
  writeFileSync(daemonStateFile(), `${JSON.stringify(state, null, 2)}\n`);
}

export function removeDaemonState(): void {
  rmSync(daemonStateFile(), { force: true });
}

/** Services of the local cloud a `pnpm local up` process runs. */
export function remoteServices(state: DaemonState): Services {
  return {
    endpoints: state.endpoints,
    layout: state.layout,
    ...sdkClients(state),
    query: async (sql) => {
      const response = await fetch(`${state.control}/query`, { method: 'POST', body: JSON.stringify({ sql }) });
      const body = (await response.json()) as QueryResult & { error?: string };
      if (!response.ok) throw new Error(body.error ?? `query failed with ${response.status}`);
      return body;
    },
    messages: async () => (await (await fetch(`${state.endpoints.sns}/_local/messages`)).json()) as PublishedMessage[],
  };
}
