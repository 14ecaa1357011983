// Formatting for people: durations, times, tables, status colours.
import picocolors from 'picocolors';

export type Colors = ReturnType<typeof picocolors.createColors>;

/** Colours only on a terminal, never with NO_COLOR set (to anything) or TERM=dumb; FORCE_COLOR forces them. */
export function colorsEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function colors(enabled: boolean): Colors {
  return picocolors.createColors(enabled);
}

/** 850 ms → "0.9s", 75 s → "1m 15s", 2 h 5 min → "2h 05m". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)}s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

export function durationBetween(start: Date | undefined, end: Date | undefined, now: Date = new Date()): number | undefined {
  if (!start) return undefined;
  return (end ?? now).getTime() - start.getTime();
}

/** UTC, to the second: "2026-12-01 17:41:02". */
export function formatTime(date: Date | undefined): string {
  if (!date) return '';
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences are what is stripped
const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}

/** A plain-text table: headers, a rule, rows; columns padded to their widest visible cell. */
export function formatTable(headers: string[], rows: (string | number | undefined)[][]): string {
  const cells = [headers, ...rows.map((row) => headers.map((_, column) => (row[column] === undefined ? '' : String(row[column]))))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => visibleLength(row[column] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - visibleLength(cell))))
      .join('  ')
      .trimEnd();
  return [line(cells[0] ?? []), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const GOOD = new Set(['SUCCEEDED', 'COMPLETED', 'WAITING', 'SUCCESS']);
const BAD = new Set(['FAILED', 'TIMED_OUT', 'ABORTED', 'TERMINATED_WITH_ERRORS', 'CANCELLED', 'INTERRUPTED', 'ERROR']);
const BUSY = new Set(['RUNNING', 'PENDING', 'STARTING', 'BOOTSTRAPPING', 'PROVISIONING', 'RESIZING', 'TERMINATING', 'PENDING_REDRIVE']);

/** A status word coloured by what it means: green done, red failed, yellow in progress. */
export function paintStatus(c: Colors, status: string | undefined): string {
  if (!status) return '';
  if (GOOD.has(status)) return c.green(status);
  if (BAD.has(status)) return c.red(status);
  if (BUSY.has(status)) return c.yellow(status);
  return status;
}
