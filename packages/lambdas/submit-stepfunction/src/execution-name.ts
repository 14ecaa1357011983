// Execution names: `<state machine name>_<UTC yyyymmddHHMMSS>_<suffix>`, at most 80 characters of
// A–Z a–z 0–9 - _ (what AWS allows, and what CloudWatch Logs accepts). A long state machine name is
// shortened; the timestamp and the suffix never are, so names stay unique and sortable by start time.
import { randomBytes } from 'node:crypto';

export const EXECUTION_NAME_MAX_LENGTH = 80;

const NOT_ALLOWED = /[^A-Za-z0-9_-]/g;

/** `yyyymmddHHMMSS` of `now`, in UTC. */
export function utcTimestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, '').slice(0, 14);
}

/** A short random suffix (8 hexadecimal digits) so two executions started in the same second differ. */
export function randomSuffix(): string {
  return randomBytes(4).toString('hex');
}

export function executionName(stateMachineName: string, now: Date, suffix: string): string {
  const tail = `_${utcTimestamp(now)}_${suffix.replace(NOT_ALLOWED, '-')}`;
  const room = Math.max(0, EXECUTION_NAME_MAX_LENGTH - tail.length);
  const head = stateMachineName.replace(NOT_ALLOWED, '-').slice(0, room) || 'execution'.slice(0, room);
  return `${head}${tail}`.slice(0, EXECUTION_NAME_MAX_LENGTH);
}
