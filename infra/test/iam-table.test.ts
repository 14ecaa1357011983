import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAccessTable } from '../scripts/access-matrix';
import { renderIamTable } from '../src/security/iam-table';

describe('Function: renderIamTable', () => {
  it('returns the table README.md shows (regenerate with pnpm iam-table)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(renderIamTable());
  });

  it('returns a row of RunJobFlow with its tag conditions and of every star-only exception', () => {
    const table = renderIamTable();
    expect(table).toMatch(
      /\| Lambda launch-emr \| `elasticmapreduce:RunJobFlow` \| `\*` \| `StringEquals aws:RequestTag\/pipeline = "data-pipeline"`/,
    );
    expect(table).toContain('| `states:ListStateMachines` |');
  });
});

describe('Function: renderAccessTable', () => {
  it('returns the people’s access table README.md shows (regenerate with pnpm iam-table)', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(await renderAccessTable());
  });

  it('returns each role’s row of the warehouse zone and of the workflows, decided on the policies', async () => {
    const table = await renderAccessTable();
    expect(table).toMatch(/\| S3 warehouse zone \(`data-workflows\/prod\/DWH\/fact_db\/…`\) \| list, read \| list, read \| — \|/);
    expect(table).toContain('| Step Functions, the six workflows | — | — | start, stop, history |');
    expect(table).toMatch(/\| S3 landing zone .* \| — \| list, read, write \| — \|/);
  });
});
