// Asking the operator on the terminal.
import { createInterface } from 'node:readline/promises';

/** A yes/no prompt on the terminal; only "y" or "yes" is yes. Undefined when stdin or stderr is not a terminal. */
export function terminalPrompt(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): ((question: string) => Promise<boolean>) | undefined {
  if (!input.isTTY || !output.isTTY) return undefined;
  return async (question) => {
    const rl = createInterface({ input, output });
    try {
      return isYes(await rl.question(`${question} [y/N] `));
    } finally {
      rl.close();
    }
  };
}

export function isYes(answer: string): boolean {
  return /^(y|yes)$/i.test(answer.trim());
}
