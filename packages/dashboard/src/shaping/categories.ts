// Values along a chart's x axis: dates (partitions named yyyymmdd, or dates) on a time axis, anything
// else as categories, of which the largest are kept and the rest summed as "other".

/** A partition value Hive writes for NULL (the default partition), and the values that mean the same. */
export const DEFAULT_PARTITION = '__HIVE_DEFAULT_PARTITION__';

/** Whether a partition value names a partition no load should write: NULL (as JSON, or as Spark SQL prints it), empty, or Hive's default partition. */
export function isUnexpectedPartition(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '' || value === 'NULL' || value === DEFAULT_PARTITION;
}

const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `yyyy-mm-dd` of a date partition value (`20240131` or `2024-01-31`), or undefined for anything else. */
export function isoDate(value: string): string | undefined {
  const match = YYYYMMDD.exec(value) ?? ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : undefined;
}

/** Whether values go on a time axis: there is at least one, and every one is a date. */
export function isDateAxis(values: string[]): boolean {
  return values.length > 0 && values.every((value) => isoDate(value) !== undefined);
}

export const OTHER = 'other';

export interface Category<T> {
  label: string;
  value: number;
  /** What was summed into it (one item, or every item "other" holds). */
  items: T[];
}

/**
 * The `limit` largest items by `value` (ties by label), in their original order, and the rest summed as
 * one "other" category at the end; all of them when there are at most `limit + 1`.
 */
export function topCategories<T>(items: T[], limit: number, label: (item: T) => string, value: (item: T) => number): Category<T>[] {
  if (items.length <= limit + 1) return items.map((item) => ({ label: label(item), value: value(item), items: [item] }));
  const ranked = [...items].sort((a, b) => value(b) - value(a) || label(a).localeCompare(label(b)));
  const kept = new Set(ranked.slice(0, limit));
  const rest = items.filter((item) => !kept.has(item));
  return [
    ...items.filter((item) => kept.has(item)).map((item) => ({ label: label(item), value: value(item), items: [item] })),
    { label: `${OTHER} (${rest.length})`, value: rest.reduce((sum, item) => sum + value(item), 0), items: rest },
  ];
}
