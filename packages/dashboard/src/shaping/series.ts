// Chart data in Chart.js's shape (labels along x, one dataset per series), from row-count snapshots and
// from query rows.
import { isUnexpectedPartition, topCategories } from './categories';

export interface ChartData {
  labels: string[];
  /** `flagged`: a series of rows that should not exist (drawn red). */
  datasets: { label: string; data: (number | null)[]; flagged?: boolean }[];
}

/** Rows per partition (`''` for a table without partitions), per table. */
export type RowCounts = Record<string, Record<string, number>>;

export interface CountsSnapshot {
  /** The Master execution whose end the snapshot follows. */
  execution: string;
  name: string;
  status: string;
  stoppedAt: string;
  recordedAt: string;
  counts: RowCounts;
}

/**
 * One table's rows per partition over the snapshots: x is each snapshot, one series per partition seen,
 * the `top` partitions with the most rows in the latest snapshot kept and the rest summed as "other";
 * a partition that should not exist (NULL, empty, the default partition) is kept and `flagged`.
 */
export function countsOverTime(
  snapshots: CountsSnapshot[],
  table: string,
  label: (snapshot: CountsSnapshot) => string,
  options: { partitioned?: boolean; top?: number } = {},
): ChartData {
  const ordered = [...snapshots].sort((a, b) => a.stoppedAt.localeCompare(b.stoppedAt));
  const partitions = [...new Set(ordered.flatMap((snapshot) => Object.keys(snapshot.counts[table] ?? {})))].sort();
  const flagged = (partition: string) => options.partitioned === true && isUnexpectedPartition(partition);
  const latest = ordered.at(-1)?.counts[table] ?? {};
  const series = (partition: string) => ordered.map((snapshot) => snapshot.counts[table]?.[partition] ?? 0);
  const categories = topCategories(
    partitions.filter((partition) => !flagged(partition)),
    options.top ?? 6,
    (partition) => partition,
    (partition) => latest[partition] ?? 0,
  );
  return {
    labels: ordered.map(label),
    datasets: [
      ...partitions
        .filter(flagged)
        .map((partition) => ({ label: `${partition || 'empty'} (should not exist)`, data: series(partition), flagged: true })),
      ...categories.map((category) => ({
        label:
          category.items.length === 1 && category.label === category.items[0]
            ? category.label === ''
              ? 'all rows'
              : category.label
            : category.label,
        data: ordered.map((_, index) => category.items.reduce((sum, partition) => sum + (series(partition)[index] ?? 0), 0)),
      })),
    ],
  };
}

/**
 * Pivots query rows `[series, x, value]` into a chart: x values sorted, one dataset per series (sorted),
 * `null` where a series has no value at an x.
 */
export function pivotSeries(rows: string[][]): ChartData {
  const labels = [...new Set(rows.map((row) => row[1] ?? ''))].sort();
  const series = [...new Set(rows.map((row) => row[0] ?? ''))].sort();
  const values = new Map(rows.map((row) => [`${row[0] ?? ''}\u0000${row[1] ?? ''}`, Number(row[2])]));
  return {
    labels,
    datasets: series.map((label) => ({ label, data: labels.map((x) => values.get(`${label}\u0000${x}`) ?? null) })),
  };
}

/** One series from query rows `[x, value]`, in the rows' order. */
export function singleSeries(label: string, rows: string[][]): ChartData {
  return { labels: rows.map((row) => row[0] ?? ''), datasets: [{ label, data: rows.map((row) => Number(row[1])) }] };
}
