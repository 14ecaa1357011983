import { describe, expect, it } from 'vitest';
import { colors, colorsEnabled, formatDuration, formatTable, formatTime, paintStatus, visibleLength } from '../src/output/format';

describe('Function: formatDuration', () => {
  it.each([
    [0, '0.0s'],
    [850, '0.9s'],
    [59_949, '59.9s'],
    [75_000, '1m 15s'],
    [3_599_000, '59m 59s'],
    [7_500_000, '2h 05m'],
  ])('returns, for %i ms, %s', (ms, expected) => {
    // Act
    const text = formatDuration(ms);

    // Assess
    expect(text).toBe(expected);
  });

  it('returns an empty string when the duration is unknown or negative', () => {
    // Act
    const texts = [formatDuration(undefined), formatDuration(-1), formatDuration(Number.NaN)];

    // Assess
    expect(texts).toEqual(['', '', '']);
  });
});

describe('Function: formatTime', () => {
  it('returns UTC to the second when given a date, an empty string when not', () => {
    // Act
    const texts = [formatTime(new Date('2026-12-01T17:41:02.345Z')), formatTime(undefined)];

    // Assess
    expect(texts).toEqual(['2026-12-01 17:41:02', '']);
  });
});

describe('Function: formatTable', () => {
  it('returns columns padded to their widest cell, a rule under the headers, no trailing spaces', () => {
    // Act
    const table = formatTable(
      ['workflow', 'status'],
      [
        ['fact-process', 'FAILED'],
        ['master', undefined],
      ],
    );

    // Assess
    expect(table.split('\n')).toEqual(['workflow      status', '------------  ------', 'fact-process  FAILED', 'master']);
  });

  it('returns the same layout when cells are coloured: escape sequences take no width', () => {
    // Prepare
    const c = colors(true);

    // Act
    const plain = formatTable(['a', 'b'], [['FAILED', 'x']]);
    const painted = formatTable(['a', 'b'], [[c.red('FAILED'), 'x']]);

    // Assess
    expect(painted).not.toBe(plain);
    expect(painted.split('\n').map(visibleLength)).toEqual(plain.split('\n').map(visibleLength));
  });
});

describe('Function: colorsEnabled', () => {
  it.each([
    ['a terminal', true, {}, true],
    ['a pipe', false, {}, false],
    ['a terminal with NO_COLOR', true, { NO_COLOR: '1' }, false],
    ['a terminal with TERM=dumb', true, { TERM: 'dumb' }, false],
    ['a pipe with FORCE_COLOR', false, { FORCE_COLOR: '1' }, true],
    ['a terminal with FORCE_COLOR=0', true, { FORCE_COLOR: '0' }, true],
  ])('returns, on %s, %s', (_, isTTY, env, expected) => {
    // Act
    const enabled = colorsEnabled({ isTTY }, env);

    // Assess
    expect(enabled).toBe(expected);
  });
});

describe('Function: paintStatus', () => {
  it('returns failures in red, successes in green, work in progress in yellow, other words as they are', () => {
    // Prepare
    const c = colors(true);

    // Act
    const painted = ['FAILED', 'SUCCEEDED', 'RUNNING', 'NEW'].map((status) => paintStatus(c, status));

    // Assess
    expect(painted).toEqual([c.red('FAILED'), c.green('SUCCEEDED'), c.yellow('RUNNING'), 'NEW']);
  });
});
