// The text of the notification a table's run sends when something other than a plain load happened.
import type { QuarantinedFile } from './quarantine';

/** How many quarantined files and problems per file the notice lists; the report has them all. */
export const LISTED = { files: 10, problems: 3 } as const;

export function emptyNotice(table: string): string {
  return `${table}: nothing landed and nothing staged; the table is left as it was (no load).`;
}

export function loadedNotice(table: string, staged: number): string {
  return `${table}: the ${staged} file(s) in staging were loaded by an earlier run whose archiving stopped; they are archived now without loading them again.`;
}

export function quarantineNotice(table: string, files: QuarantinedFile[], reportUri: string, staged: number): string {
  const lines = [
    `${table}: ${files.length} landed file(s) did not match the declared format and were quarantined, not loaded; ${staged} file(s) staged for loading.`,
  ];
  for (const file of files.slice(0, LISTED.files)) {
    const problems = file.Problems.slice(0, LISTED.problems).map((problem) => `line ${problem.Line}: ${problem.Reason}`);
    const more = file.ProblemCount > problems.length ? `; and ${file.ProblemCount - problems.length} more` : '';
    lines.push(`- ${file.File}: ${problems.join('; ')}${more}`);
  }
  if (files.length > LISTED.files) lines.push(`- and ${files.length - LISTED.files} more file(s)`);
  lines.push(`Report: ${reportUri}`);
  return lines.join('\n');
}
