import { describe, expect, it } from 'vitest';
import { type CountsSnapshot, countsOverTime, pivotSeries, singleSeries } from '../src/shaping/series';

function snapshot(stoppedAt: string, status: string, counts: CountsSnapshot['counts']): CountsSnapshot {
  return { execution: `arn:${stoppedAt}`, name: stoppedAt, status, stoppedAt, recordedAt: stoppedAt, counts };
}

describe('Function: countsOverTime', () => {
  it('returns one series per partition seen, over the snapshots in time order, 0 where a partition had no rows', () => {
    // Prepare
    const snapshots = [
      snapshot('2026-01-01T10:05:00Z', 'FAILED', { fact: { '20240101': 4, '20240103': 1 } }),
      snapshot('2026-01-01T10:00:00Z', 'SUCCEEDED', { fact: { '20240101': 2, '20240102': 3 } }),
    ];

    // Act
    const result = countsOverTime(snapshots, 'fact', (s) => `${s.stoppedAt.slice(11, 16)} ${s.status}`);

    // Assess
    expect(result).toEqual({
      labels: ['10:00 SUCCEEDED', '10:05 FAILED'],
      datasets: [
        { label: '20240101', data: [2, 4] },
        { label: '20240102', data: [3, 0] },
        { label: '20240103', data: [0, 1] },
      ],
    });
  });

  it('returns the largest partitions of the latest snapshot and the rest as "other", and a NULL partition flagged', () => {
    // Prepare
    const snapshots = [
      snapshot('2026-01-01T10:00:00Z', 'SUCCEEDED', { fact: { '20240101': 5, '20240102': 1, '20240103': 2, '20240104': 9, NULL: 1 } }),
    ];

    // Act
    const result = countsOverTime(snapshots, 'fact', (s) => s.name, { partitioned: true, top: 2 });

    // Assess
    expect(result.datasets).toEqual([
      { label: 'NULL (should not exist)', data: [1], flagged: true },
      { label: '20240101', data: [5] },
      { label: '20240104', data: [9] },
      { label: 'other (2)', data: [3] },
    ]);
  });

  it('returns one series named "all rows" for a table without partitions', () => {
    // Prepare
    const snapshots = [snapshot('2026-01-01T10:00:00Z', 'SUCCEEDED', { dim: { '': 10 } })];

    // Act
    const result = countsOverTime(snapshots, 'dim', (s) => s.name);

    // Assess
    expect(result.datasets).toEqual([{ label: 'all rows', data: [10] }]);
  });
});

describe('Function: pivotSeries', () => {
  it('returns x values sorted and one dataset per series, null where a series has no value', () => {
    // Prepare
    const rows = [
      ['Brazil', '20240102', '10.50'],
      ['Argentina', '20240101', '1170.48'],
      ['Brazil', '20240101', '3'],
    ];

    // Act
    const result = pivotSeries(rows);

    // Assess
    expect(result).toEqual({
      labels: ['20240101', '20240102'],
      datasets: [
        { label: 'Argentina', data: [1170.48, null] },
        { label: 'Brazil', data: [3, 10.5] },
      ],
    });
  });
});

describe('Function: singleSeries', () => {
  it('returns the rows in their order as one dataset', () => {
    // Act
    const result = singleSeries('transactions', [
      ['Argentina', '4'],
      ['Brazil', '0'],
    ]);

    // Assess
    expect(result).toEqual({ labels: ['Argentina', 'Brazil'], datasets: [{ label: 'transactions', data: [4, 0] }] });
  });
});
