import { describe, expect, inject, it } from 'vitest';
// @ts-expect-error: plain ESM script shared with `pnpm scan`, no type declarations
import { scan, skips } from '../scripts/checkov.mjs';

interface Finding {
  check: string;
  resource: string;
  resourceType: string;
}
interface Skip {
  check: string;
  resourceType: string;
  reason: string;
}

describe('Function: checkov scan of the synthesized stacks', () => {
  const result = scan(inject('synthDir')) as { passed: number; failed: Finding[]; accepted: Finding[] };

  it('returns no failed check that is not skipped in code with a reason', () => {
    expect(result.failed.map((finding) => `${finding.check} ${finding.resource}`)).toEqual([]);
    expect(result.passed).toBeGreaterThan(500);
  });

  it('returns a finding for every skip, each with a stated reason (no stale skips)', () => {
    for (const skip of skips as Skip[]) {
      expect(skip.reason.length, skip.check).toBeGreaterThan(40);
      expect(
        result.accepted.some((finding) => finding.check === skip.check && finding.resourceType === skip.resourceType),
        skip.check,
      ).toBe(true);
    }
  });
});
