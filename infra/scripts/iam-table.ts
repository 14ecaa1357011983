// `pnpm iam-table`: rewrites the IAM table of README.md (between its markers) from src/security/permissions.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderIamTable } from '../src/security/iam-table';

export const BEGIN = '<!-- BEGIN IAM TABLE: pnpm --filter @data-pipeline/infra iam-table -->';
export const END = '<!-- END IAM TABLE -->';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const text = readFileSync(readme, 'utf8');
const begin = text.indexOf(BEGIN);
const end = text.indexOf(END);
if (begin < 0 || end < begin) throw new Error(`README.md needs the lines ${BEGIN} and ${END}`);
writeFileSync(readme, `${text.slice(0, begin)}${BEGIN}\n${renderIamTable()}\n${text.slice(end)}`);
