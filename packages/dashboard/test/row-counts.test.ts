import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshots, recordLatest } from '../src/sources/row-counts';

describe('Function: recordLatest', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dashboard-counts-'));
    file = join(dir, 'dashboard', 'row-counts.jsonl');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const ended = (name: string, stoppedAt: string, status = 'SUCCEEDED') => ({ arn: `arn:${name}`, name, status, stoppedAt });

  it('records the latest ended Master with the counts at that moment when none is recorded yet', async () => {
    // Prepare
    const counts = { fact: { '20240101': 12 } };

    // Act
    const snapshot = await recordLatest({
      file,
      endedMasters: async () => [ended('b', '2026-01-01T10:05:00.000Z', 'FAILED'), ended('a', '2026-01-01T10:00:00.000Z')],
      counts: async () => counts,
      now: () => new Date('2026-01-01T10:05:02.000Z'),
    });

    // Assess
    expect(snapshot).toEqual({
      execution: 'arn:b',
      name: 'b',
      status: 'FAILED',
      stoppedAt: '2026-01-01T10:05:00.000Z',
      recordedAt: '2026-01-01T10:05:02.000Z',
      counts,
    });
    expect(readSnapshots(file)).toEqual([snapshot]);
  });

  it('records nothing and takes no counts when no Master ended after the latest snapshot', async () => {
    // Prepare
    let taken = 0;
    const options = {
      file,
      endedMasters: async () => [ended('a', '2026-01-01T10:00:00.000Z')],
      counts: async () => {
        taken += 1;
        return {};
      },
    };
    await recordLatest(options);

    // Act
    const again = await recordLatest(options);

    // Assess
    expect(again).toBeUndefined();
    expect(taken).toBe(1);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('keeps the other snapshots when a line of the file is cut short', async () => {
    // Prepare
    await recordLatest({ file, endedMasters: async () => [ended('a', '2026-01-01T10:00:00.000Z')], counts: async () => ({}) });
    appendFileSync(file, '{"execution": "arn:cut');

    // Act
    const snapshots = readSnapshots(file);

    // Assess
    expect(snapshots.map((snapshot) => snapshot.name)).toEqual(['a']);
  });
});
