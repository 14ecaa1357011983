import { describe, expect, it } from 'vitest';
import { EXECUTION_NAME_MAX_LENGTH, executionName, randomSuffix, utcTimestamp } from '../src/execution-name';

const now = new Date('2025-03-07T23:04:05.678Z');
const allowed = /^[A-Za-z0-9_-]+$/;

describe('Function: executionName', () => {
  it('returns <state machine name>_<UTC yyyymmddHHMMSS>_<suffix>', () => {
    // Act
    const name = executionName('data-pipeline-dev-dimension-process', now, '1a2b3c4d');

    // Assess
    expect(name).toBe('data-pipeline-dev-dimension-process_20250307230405_1a2b3c4d');
  });

  it('returns the timestamp in UTC whatever the offset the clock was read in', () => {
    // Prepare
    const sameInstant = new Date('2025-03-08T01:04:05+02:00');

    // Act
    const name = executionName('sm', sameInstant, 'x');

    // Assess
    expect(name).toBe('sm_20250307230405_x');
  });

  it('returns a name of exactly 80 characters keeping the timestamp and suffix when the state machine name is long', () => {
    // Prepare
    const longName = `data-pipeline-production-${'very-long-workflow-name-'.repeat(4)}end`;

    // Act
    const name = executionName(longName, now, '1a2b3c4d');

    // Assess
    expect(name).toHaveLength(EXECUTION_NAME_MAX_LENGTH);
    expect(name.endsWith('_20250307230405_1a2b3c4d')).toBe(true);
    expect(name).toBe(`${longName.slice(0, 80 - '_20250307230405_1a2b3c4d'.length)}_20250307230405_1a2b3c4d`);
  });

  it('returns the name unshortened when it fits in exactly 80 characters', () => {
    // Prepare
    const fits = 'a'.repeat(80 - '_20250307230405_1a2b3c4d'.length);

    // Act
    const name = executionName(fits, now, '1a2b3c4d');

    // Assess
    expect(name).toBe(`${fits}_20250307230405_1a2b3c4d`);
    expect(name).toHaveLength(80);
  });

  it('returns only characters AWS allows when the state machine name or suffix holds others', () => {
    // Act
    const name = executionName('dim process.v2/é', now, 'a b');

    // Assess
    expect(name).toBe('dim-process-v2--_20250307230405_a-b');
    expect(name).toMatch(allowed);
  });

  it('returns a name starting with "execution" when the state machine name is empty', () => {
    // Act
    const name = executionName('', now, 'ff00');

    // Assess
    expect(name).toBe('execution_20250307230405_ff00');
  });
});

describe('Function: utcTimestamp', () => {
  it('returns yyyymmddHHMMSS with leading zeros', () => {
    // Act
    const stamp = utcTimestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));

    // Assess
    expect(stamp).toBe('20260102030405');
  });
});

describe('Function: randomSuffix', () => {
  it('returns 8 hexadecimal digits, different from one call to the next', () => {
    // Act
    const suffixes = new Set(Array.from({ length: 50 }, () => randomSuffix()));

    // Assess
    expect([...suffixes].every((suffix) => /^[0-9a-f]{8}$/.test(suffix))).toBe(true);
    expect(suffixes.size).toBe(50);
  });
});
