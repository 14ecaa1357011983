// Row counts over time: after each Master execution it sees end, the dashboard records the warehouse's
// rows per table and partition, one JSON line per snapshot, under the local cloud's folder. The counts
// are taken when the end is seen, so of several Masters that ended since the last look only the latest
// is recorded (the others' counts are gone); the same holds for the Masters that ended before the
// dashboard started.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LocalCloudLayout } from '@data-pipeline/local-cloud';
import type { CountsSnapshot, RowCounts } from '../shaping/series';

export const rowCountsFile = (layout: LocalCloudLayout) => join(dirname(layout.lake), 'dashboard', 'row-counts.jsonl');

export function readSnapshots(file: string): CountsSnapshot[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as CountsSnapshot];
      } catch {
        return []; // a line cut short by a crash is skipped, the others stay
      }
    });
}

export interface EndedExecution {
  arn: string;
  name: string;
  status: string;
  stoppedAt: string;
}

export interface RecorderOptions {
  file: string;
  /** Master executions that have ended. */
  endedMasters: () => Promise<EndedExecution[]>;
  counts: () => Promise<RowCounts>;
  now?: () => Date;
}

/** Records the latest ended Master not recorded yet, if it ended after the latest snapshot; resolves with it. */
export async function recordLatest(options: RecorderOptions): Promise<CountsSnapshot | undefined> {
  const snapshots = readSnapshots(options.file);
  const recorded = new Set(snapshots.map((snapshot) => snapshot.execution));
  const lastStop =
    snapshots
      .map((snapshot) => snapshot.stoppedAt)
      .sort()
      .at(-1) ?? '';
  const latest = (await options.endedMasters())
    .filter((execution) => !recorded.has(execution.arn) && execution.stoppedAt > lastStop)
    .sort((a, b) => a.stoppedAt.localeCompare(b.stoppedAt))
    .at(-1);
  if (!latest) return undefined;
  const snapshot: CountsSnapshot = {
    execution: latest.arn,
    name: latest.name,
    status: latest.status,
    stoppedAt: latest.stoppedAt,
    recordedAt: (options.now?.() ?? new Date()).toISOString(),
    counts: await options.counts(),
  };
  mkdirSync(dirname(options.file), { recursive: true });
  appendFileSync(options.file, `${JSON.stringify(snapshot)}\n`);
  return snapshot;
}

/** Looks every `intervalMs` (one look at a time); `stop()` ends it and waits for a look in progress. */
export function startRecorder(options: RecorderOptions & { intervalMs: number; onError?: (error: Error) => void }) {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const look = () => {
    if (busy) return;
    busy = true;
    running = recordLatest(options)
      .catch((error: Error) => options.onError?.(error))
      .finally(() => {
        busy = false;
      });
  };
  look();
  const timer = setInterval(look, options.intervalMs);
  return {
    /** Resolves when the look in progress (if any) is done. */
    settled: () => running,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
