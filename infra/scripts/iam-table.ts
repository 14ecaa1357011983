// `pnpm iam-table`: rewrites the IAM table of README.md (between its markers) from src/security/permissions.ts and
// src/access/people-grants.ts, and the people's access table (decided by the simulator on the same policies).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderIamTable } from '../src/security/iam-table';
import { renderAccessTable } from './access-matrix';

export const BEGIN = '<!-- BEGIN IAM TABLE: pnpm --filter @data-pipeline/infra iam-table -->';
export const END = '<!-- END IAM TABLE -->';
export const ACCESS_BEGIN = '<!-- BEGIN ACCESS TABLE: pnpm --filter @data-pipeline/infra iam-table -->';
export const ACCESS_END = '<!-- END ACCESS TABLE -->';

function replaced(text: string, begin: string, end: string, body: string): string {
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md needs the lines ${begin} and ${end}`);
  return `${text.slice(0, from)}${begin}\n${body}\n${text.slice(to)}`;
}

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const text = readFileSync(readme, 'utf8');
const withIam = replaced(text, BEGIN, END, renderIamTable());
writeFileSync(readme, replaced(withIam, ACCESS_BEGIN, ACCESS_END, await renderAccessTable()));
