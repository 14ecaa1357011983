import { describe, expect, it } from 'vitest';
import { resolveStepCommand, splitCommand } from '../src/step-command';

describe('Function: splitCommand', () => {
  it.each([
    ['hive -f s3://bucket/hive-scripts/load.hql', ['hive', '-f', 's3://bucket/hive-scripts/load.hql']],
    [
      '  s3-dist-cp   --src s3://a/landing/\t--dest\ns3://a/stage/  ',
      ['s3-dist-cp', '--src', 's3://a/landing/', '--dest', 's3://a/stage/'],
    ],
    ['spark-submit', ['spark-submit']],
    ['   ', []],
  ])('returns the whitespace-separated arguments of %j', (command, expected) => {
    // Prepare
    const text = command;

    // Act
    const args = splitCommand(text);

    // Assess
    expect(args).toEqual(expected);
  });
});

describe('Function: resolveStepCommand', () => {
  const ENV = { Step_Name: 'Env step', Cmd_Run: 'hive -f s3://b/env.hql' };

  it('returns the event command, ignoring the environment, when the event has one', () => {
    // Prepare
    const fromEvent = { Step_Name: ' Load sample_country_dim ', Cmd_Run: 'hive -f s3://b/dim.hql' };

    // Act
    const resolution = resolveStepCommand(fromEvent, ENV);

    // Assess
    expect(resolution).toEqual({ command: { name: 'Load sample_country_dim', args: ['hive', '-f', 's3://b/dim.hql'], source: 'event' } });
  });

  it('returns the environment command when the event has none', () => {
    // Prepare
    const fromEvent = undefined;

    // Act
    const resolution = resolveStepCommand(fromEvent, ENV);

    // Assess
    expect(resolution).toEqual({ command: { name: 'Env step', args: ['hive', '-f', 's3://b/env.hql'], source: 'environment' } });
  });

  it.each([
    [{}, 'is missing and the fallback environment variables Step_Name and Cmd_Run are not set'],
    [{ Step_Name: 'Env step', Cmd_Run: '  ' }, 'is missing and the fallback environment variable Cmd_Run is not set'],
    [{ Cmd_Run: 'hive -f s3://b/env.hql' }, 'is missing and the fallback environment variable Step_Name is not set'],
  ])('returns a problem naming what is missing when the event has no command and the environment is %j', (env, message) => {
    // Prepare
    const fromEvent = undefined;

    // Act
    const resolution = resolveStepCommand(fromEvent, env);

    // Assess
    expect(resolution).toEqual({ problems: [{ path: ['NextStepNameAndCmd'], message }] });
  });

  it('returns a problem for each blank field of the event command', () => {
    // Prepare
    const fromEvent = { Step_Name: '  ', Cmd_Run: ' \t ' };

    // Act
    const resolution = resolveStepCommand(fromEvent, ENV);

    // Assess
    expect(resolution).toEqual({
      problems: [
        { path: ['NextStepNameAndCmd', 'Step_Name'], message: 'must not be blank' },
        { path: ['NextStepNameAndCmd', 'Cmd_Run'], message: 'must not be blank' },
      ],
    });
  });
});
