import { describe, expect, it } from 'vitest';
import { moreThanOneRunning, runningBefore } from '../src/duplicate-rule';

const prefix = 'arn:aws:states:eu-west-1:123456789012:execution:data-pipeline-dev-master:';
const execution = (name: string, start: string) => ({ executionArn: `${prefix}${name}`, startDate: new Date(start) });

const first = execution('b-first', '2025-03-07T06:00:00.000Z');
const second = execution('a-second', '2025-03-07T06:00:01.000Z');

describe('Function: moreThanOneRunning', () => {
  it.each([
    [[], false],
    [[first], false],
    [[first, second], true],
  ])('returns whether more than one of %j is running', (running, expected) => {
    // Act
    const duplicate = moreThanOneRunning(running);

    // Assess
    expect(duplicate).toBe(expected);
  });
});

describe('Function: runningBefore', () => {
  it('returns nothing for the execution that started first', () => {
    // Act
    const earlier = runningBefore([second, first], first);

    // Assess
    expect(earlier).toEqual([]);
  });

  it('returns the earlier execution for the one that started later', () => {
    // Act
    const earlier = runningBefore([second, first], second);

    // Assess
    expect(earlier).toEqual([first]);
  });

  it('returns nothing when the current execution is the only one running', () => {
    // Act
    const earlier = runningBefore([first], first);

    // Assess
    expect(earlier).toEqual([]);
  });

  it('returns exactly one of two executions started at the same moment as the duplicate, by execution ARN order', () => {
    // Prepare
    const x = execution('run-x', '2025-03-07T06:00:00.000Z');
    const y = execution('run-y', '2025-03-07T06:00:00.000Z');

    // Act
    const beforeX = runningBefore([y, x], x);
    const beforeY = runningBefore([y, x], y);

    // Assess
    expect(beforeX).toEqual([]);
    expect(beforeY).toEqual([x]);
  });

  it('returns every earlier execution, whatever the order of the listing', () => {
    // Prepare
    const third = execution('c-third', '2025-03-07T06:00:02.000Z');

    // Act
    const earlier = runningBefore([third, first, second], third);

    // Assess
    expect(earlier).toEqual([first, second]);
  });
});
