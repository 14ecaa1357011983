// The machine-wide lock of the test suites that start JVMs (s3proxy, Spark) or a browser: a vitest
// global setup that holds it from before the first test file to after the last. A package opts in with
// `"exclusiveTests": "<what its tests start>"` in its package.json, which the shared preset reads, and
// which `npm test` reads to run those packages one after another beside the pure-TypeScript ones.
// Two such suites at once on a 2-core machine starve each other's services of CPU until their starts
// time out; this lock makes that impossible whoever starts them (`npm test`, turbo, or two shells).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, lock } from 'proper-lockfile';

/** The lock, shared by every clone of the project on this machine. */
export const LOCK_FILE = process.env.DATA_PIPELINE_TEST_LOCK ?? join(tmpdir(), 'data-pipeline-exclusive-tests');
const OWNER_FILE = `${LOCK_FILE}.owner.json`;
/** A holder refreshes the lock every STALE_MS / 4; a lock not refreshed for STALE_MS is a crashed holder's. */
const STALE_MS = 60_000;
/** How long a suite waits for the lock before it fails, naming the holder (every exclusive suite of `npm test` runs in well under this). */
const WAIT_MS = Number(process.env.DATA_PIPELINE_TEST_LOCK_WAIT_MS ?? 60 * 60_000);
const POLL_MS = 1_000;

interface Owner {
  package: string;
  pid: number;
  since: string;
}

function packageName(): string {
  const manifest = join(process.cwd(), 'package.json');
  return existsSync(manifest) ? ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name ?? process.cwd()) : process.cwd();
}

function owner(): Owner | undefined {
  try {
    return JSON.parse(readFileSync(OWNER_FILE, 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

function describeOwner(found = owner()): string {
  return found ? `${found.package} (pid ${found.pid}, since ${found.since})` : 'another test run';
}

const log = (message: string) => process.stderr.write(`[exclusive tests] ${message}\n`);

/** Waits for the lock (polling, with a message each minute) and returns its release. */
export async function acquireExclusiveTestLock(name = packageName()): Promise<() => Promise<void>> {
  if (!existsSync(LOCK_FILE)) writeFileSync(LOCK_FILE, '');
  const started = Date.now();
  let nextNotice = started;
  for (;;) {
    try {
      const release = await lock(LOCK_FILE, {
        stale: STALE_MS,
        update: STALE_MS / 4,
        realpath: false,
        // A refresh that fails leaves the lock to be taken by another suite after STALE_MS: say so, do not crash the run.
        onCompromised: (error) => log(`${name}: the lock was lost (${error.message}); another exclusive suite may now start`),
      });
      writeFileSync(OWNER_FILE, JSON.stringify({ package: name, pid: process.pid, since: new Date().toISOString() } satisfies Owner));
      if (Date.now() - started > POLL_MS) log(`${name}: got the lock after ${((Date.now() - started) / 1000).toFixed(0)} s`);
      return async () => {
        rmSync(OWNER_FILE, { force: true });
        if (await check(LOCK_FILE, { stale: STALE_MS, realpath: false })) await release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    const waited = Date.now() - started;
    if (waited > WAIT_MS) {
      throw new Error(
        `${name}: waited ${(waited / 1000).toFixed(0)} s for the exclusive test lock ${LOCK_FILE}, held by ${describeOwner()}; ` +
          'stop that run, or raise DATA_PIPELINE_TEST_LOCK_WAIT_MS',
      );
    }
    if (Date.now() >= nextNotice) {
      log(`${name}: waiting for ${describeOwner()} to finish its tests (lock ${LOCK_FILE})`);
      nextNotice = Date.now() + 60_000;
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, POLL_MS));
  }
}

/** vitest global setup: the lock is held for the whole run of the package's test files. */
export default async function setup(): Promise<() => Promise<void>> {
  return acquireExclusiveTestLock();
}
