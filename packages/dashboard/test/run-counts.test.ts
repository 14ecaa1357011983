import { describe, expect, it } from 'vitest';
import { runTableCounts } from '../src/shaping/run-counts';
import type { CountsSnapshot } from '../src/shaping/series';

const snapshot = (execution: string, stoppedAt: string, counts: CountsSnapshot['counts']): CountsSnapshot => ({
  execution,
  name: execution,
  status: 'SUCCEEDED',
  stoppedAt,
  recordedAt: stoppedAt,
  counts,
});

describe('Function: runTableCounts', () => {
  const snapshots = [
    snapshot('m2', '2026-01-01T11:00:00Z', { fact: { '20240101': 5, '20240102': 7 }, dim: { '': 10 } }),
    snapshot('m1', '2026-01-01T10:00:00Z', { fact: { '20240101': 5 }, dim: { '': 10 } }),
  ];

  it('returns the rows after the run and the change since the run recorded before, with what it kept out', () => {
    // Act
    const counts = runTableCounts(snapshots, 'm2', ['fact', 'dim'], [{ table: 'fact', quarantined: 3, quarantinedFiles: 1 }]);

    // Assess
    expect(counts).toEqual([
      { table: 'fact', rows: 12, change: 7, quarantined: 3, quarantinedFiles: 1, rejected: undefined },
      { table: 'dim', rows: 10, change: 0, quarantined: 0, quarantinedFiles: 0, rejected: undefined },
    ]);
  });

  it('returns no change for the first run recorded and no rows for a run without a snapshot', () => {
    // Act
    const first = runTableCounts(snapshots, 'm1', ['fact'], []);
    const unrecorded = runTableCounts(snapshots, 'm0', ['fact'], []);

    // Assess
    expect(first[0]).toMatchObject({ rows: 5, change: undefined });
    expect(unrecorded[0]).toMatchObject({ rows: undefined, change: undefined });
  });
});
