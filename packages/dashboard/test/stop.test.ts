// `pnpm local dashboard` as a user runs it (scripts/local.mjs, pnpm, tsx, the local command, the server),
// stopped with a signal to the wrapper alone: nothing under it may keep running. The services' state
// file names endpoints where nothing listens: the server starts all the same (it asks the services
// only when the page does), and the stop is what is tested.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { localDir, repoRoot } from '@data-pipeline/local-cloud';
import { afterEach, describe, expect, it } from 'vitest';
import { descendants, running } from './support/processes';

const NOWHERE = 'http://127.0.0.1:9';

function daemonState(dir: string) {
  const cloud = join(dir, 'cloud');
  mkdirSync(cloud, { recursive: true });
  const layout = Object.fromEntries(['lake', 'logs', 'metastore', 'warehouse', 'messages'].map((name) => [name, join(cloud, name)]));
  const state = {
    pid: process.pid,
    control: NOWHERE,
    endpoints: { s3: NOWHERE, sfn: NOWHERE, emr: NOWHERE, sns: NOWHERE },
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    layout,
    startedAt: new Date().toISOString(),
  };
  writeFileSync(join(cloud, 'daemon.json'), JSON.stringify(state));
}

/** The pinned pnpm the wrapper would otherwise install into the (temporary) local folder. */
function pathWithPnpm(): string {
  const version = (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { packageManager: string }).packageManager;
  const bin = join(localDir(), 'tools', version.replace('@', '-'), 'bin');
  return existsSync(bin) ? `${bin}${delimiter}${process.env.PATH ?? ''}` : (process.env.PATH ?? '');
}

function startWrapper(dir: string): { wrapper: ChildProcess; url: Promise<string> } {
  const wrapper = spawn(process.execPath, [join(repoRoot(), 'scripts', 'local.mjs'), 'dashboard'], {
    cwd: repoRoot(),
    env: { ...process.env, DATA_PIPELINE_LOCAL_DIR: dir, PATH: pathWithPnpm() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    wrapper.stdout?.on('data', read);
    wrapper.stderr?.on('data', read);
    wrapper.once('exit', (code) => reject(new Error(`the wrapper exited with ${code} before serving:\n${output}`)));
  });
  return { wrapper, url };
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('Function: pnpm local dashboard (scripts/local.mjs)', () => {
  let dir: string | undefined;
  let left: number[] = [];

  afterEach(() => {
    for (const pid of left.filter(running)) process.kill(pid, 'SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'leaves no process running when the wrapper alone gets %s',
    { timeout: 120_000 },
    async (signal) => {
      // Prepare
      dir = mkdtempSync(join(tmpdir(), 'dashboard-stop-'));
      daemonState(dir);
      const { wrapper, url } = startWrapper(dir);
      const served = await url;
      const page = await fetch(served);
      const under = descendants(wrapper.pid ?? 0);
      left = under;
      const exited = new Promise<number | null>((resolve) => wrapper.once('exit', (code) => resolve(code)));

      // Act
      wrapper.kill(signal);
      const code = await exited;
      const allStopped = await until(() => under.every((pid) => !running(pid)), 15_000);
      const answer = await fetch(served).then(
        (response) => response.status,
        (error: Error) => error.name,
      );

      // Assess
      expect(page.status).toBe(200);
      expect(under.length).toBeGreaterThanOrEqual(3);
      expect(code).toBe(128 + constants.signals[signal]);
      expect(under.filter(running)).toEqual([]);
      expect(allStopped).toBe(true);
      expect(answer).toBe('TypeError');
    },
  );
});
