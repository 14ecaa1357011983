import { describe, expect, it } from 'vitest';
import { LISTED, quarantineNotice } from '../src/notice';

describe('Function: quarantineNotice', () => {
  it('returns the files with their first problems, the counts and the report, listing at most ten files', () => {
    // Prepare
    const files = Array.from({ length: 12 }, (_, index) => ({
      File: `f${index}.csv`,
      Key: `q/f${index}.csv`,
      Problems: [
        { Line: 2, Reason: 'a' },
        { Line: 3, Reason: 'b' },
        { Line: 4, Reason: 'c' },
        { Line: 5, Reason: 'd' },
      ],
      ProblemCount: 9,
    }));

    // Act
    const notice = quarantineNotice('t', files, 's3://b/q/_report.json', 1);

    // Assess
    const lines = notice.split('\n');
    expect(lines[0]).toBe(
      't: 12 landed file(s) did not match the declared format and were quarantined, not loaded; 1 file(s) staged for loading.',
    );
    expect(lines[1]).toBe('- f0.csv: line 2: a; line 3: b; line 4: c; and 6 more');
    expect(lines.filter((line) => line.startsWith('- f'))).toHaveLength(LISTED.files);
    expect(lines.at(-2)).toBe('- and 2 more file(s)');
    expect(lines.at(-1)).toBe('Report: s3://b/q/_report.json');
  });
});

describe('Function: runFolder', () => {
  it('returns the execution name with the characters a folder name should not hold replaced by _', async () => {
    // Prepare
    const { runFolder } = await import('../src/index');

    // Act
    const folder = runFolder('re-run after fix #2: facts');

    // Assess
    expect(folder).toBe('re-run_after_fix__2__facts');
  });
});
