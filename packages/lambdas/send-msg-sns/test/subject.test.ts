import { describe, expect, it } from 'vitest';
import { SUBJECT_MAX_LENGTH, sanitizeSubject } from '../src/subject';

describe('Function: sanitizeSubject', () => {
  it('returns a valid subject unchanged', () => {
    // Act
    const subject = sanitizeSubject('data-pipeline dev: Master workflow SUCCEEDED');

    // Assess
    expect(subject).toBe('data-pipeline dev: Master workflow SUCCEEDED');
  });

  it('returns one line when the subject holds line breaks, tabs and control characters', () => {
    // Act
    const subject = sanitizeSubject('Master failed\r\n\tstep:\u0007 fact-process\u2028again');

    // Assess
    expect(subject).toBe('Master failed step: fact-process again');
  });

  it('returns a subject starting with a letter, number or punctuation mark', () => {
    // Act
    const subject = sanitizeSubject('  ✅ ✅ Master succeeded');

    // Assess
    expect(subject).toBe('Master succeeded');
  });

  it('returns exactly 100 characters ending in "..." when the subject is longer', () => {
    // Prepare
    const long = `Master workflow failed in fact-process: ${'States.TaskFailed '.repeat(10)}`;

    // Act
    const subject = sanitizeSubject(long);

    // Assess
    expect(subject).toHaveLength(SUBJECT_MAX_LENGTH);
    expect(subject).toBe(`${long.slice(0, 97)}...`);
  });

  it('returns a 100-character subject unchanged', () => {
    // Prepare
    const exact = 'x'.repeat(100);

    // Act
    const subject = sanitizeSubject(exact);

    // Assess
    expect(subject).toBe(exact);
  });

  it('returns whole characters when cutting a subject of characters outside the BMP', () => {
    // Prepare
    const long = `A${'𝔸'.repeat(120)}`;

    // Act
    const subject = sanitizeSubject(long);

    // Assess
    expect(Array.from(subject ?? '')).toHaveLength(100);
    expect(subject).toBe(`A${'𝔸'.repeat(96)}...`);
  });

  it.each([undefined, '', ' \r\n ', '🚀'])('returns undefined when nothing printable is left of %j', (raw) => {
    // Act
    const subject = sanitizeSubject(raw);

    // Assess
    expect(subject).toBeUndefined();
  });
});
