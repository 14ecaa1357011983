import type { ExitCode } from '../exit-codes';
import type { Colors } from '../output/format';

/** What a command hands back: its exit code, its data (printed with --json) and how it reads as text. */
export interface CommandResult<T = unknown> {
  code: ExitCode;
  data: T;
  render(c: Colors): string;
}
