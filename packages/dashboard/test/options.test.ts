import { describe, expect, it } from 'vitest';
import { DashboardError } from '../src/errors';
import { parsePort } from '../src/options';

describe('Function: parsePort', () => {
  it('returns 0 (any free port) when no option is given', () => {
    expect(parsePort([])).toBe(0);
  });

  it('returns the port given with --port', () => {
    expect(parsePort(['--port', '8123'])).toBe(8123);
  });

  it.each([['--port', 'http'], ['--port', '70000'], ['--port'], ['--host', 'x']])(
    'throws a DashboardError naming the problem for %j',
    (...args) => {
      expect(() => parsePort(args)).toThrow(DashboardError);
    },
  );
});
