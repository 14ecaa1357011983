import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
