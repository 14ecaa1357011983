// Exit codes scripts can rely on.
import { EnvironmentUnavailableError, RefusedError, UsageError } from './errors';

export const EXIT = {
  /** The command did what it was asked. */
  ok: 0,
  /** The execution it started or followed failed, timed out or was aborted. */
  failed: 1,
  /** Bad arguments: unknown command, workflow, table, option value. */
  usage: 2,
  /** Refused: the pipeline's state forbids it, a file does not fit its table, or prod was not confirmed. Nothing changed. */
  refused: 3,
  /** The environment could not be reached or an AWS call failed. */
  error: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof RefusedError) return EXIT.refused;
  if (error instanceof EnvironmentUnavailableError) return EXIT.error;
  return EXIT.error;
}
