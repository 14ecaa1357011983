import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/program';
import { arnOf, givenStateMachines, type MockedAws, mockedAws, mockedContext } from './support/mocked';

const mocks: MockedAws = mockedAws();

async function cli(argv: string[], io: { isTTY?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const connected: string[] = [];
  const code = await runCli(argv, {
    io: { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text), isTTY: io.isTTY ?? false, env: io.env ?? {} },
    connect: async (env, out) => {
      connected.push(env);
      return mockedContext(env, { out });
    },
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join(''), connected };
}

describe('Function: runCli', () => {
  beforeEach(() => {
    mocks.sfn.reset();
    mocks.emr.reset();
    mocks.s3.reset();
  });

  it('returns 0 and prints the help of every command with --help, connecting to nothing', async () => {
    // Act
    const results = await Promise.all(
      [[], ['workflows'], ['rerun'], ['status'], ['history'], ['cluster'], ['land']].map((command) => cli([...command, '--help'])),
    );

    // Assess
    expect(results.map((result) => result.code)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(results[0]?.stdout).toContain('Exit codes: 0 done, 1 the execution failed');
    expect(results[2]?.stdout).toContain('Usage: ops rerun [options] <workflow>');
    expect(results.flatMap((result) => result.connected)).toEqual([]);
  });

  it.each([
    ['no --env', ['status'], "required option '--env <name>' not specified"],
    ['an unknown environment', ['--env', 'staging', 'status'], "argument 'staging' is invalid. Allowed choices are dev, prod, local"],
    ['an unknown command', ['--env', 'dev', 'restart'], "unknown command 'restart'"],
    ['a missing argument', ['--env', 'dev', 'rerun'], "missing required argument 'workflow'"],
    ['a bad number', ['--env', 'dev', 'status', '--limit', '0'], 'not a whole number from 1'],
  ])('returns 2 and says what is wrong for %s', async (_, argv, message) => {
    // Act
    const result = await cli(argv);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(mocks.sfn.calls()).toEqual([]);
  });

  it('returns 2 for an unknown workflow, naming the workflows, before any AWS call but the state machine list', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');

    // Act
    const result = await cli(['--env', 'dev', 'rerun', 'fact']);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'ops: error: unknown workflow "fact": one of master, launch-emr-cluster, dimension-process, add-emr-workers, fact-process, terminate-emr-cluster\n',
    );
    expect(mocks.sfn.commandCalls(ListExecutionsCommand)).toEqual([]);
  });

  it('returns 3 and prints the refusal as JSON with --json, wherever the option stands', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');
    mocks.sfn.on(ListExecutionsCommand).resolves({
      executions: [
        { executionArn: 'arn:x', stateMachineArn: arnOf('dev', 'master'), name: 'nightly', status: 'RUNNING', startDate: new Date(0) },
      ],
    });

    // Act
    const result = await cli(['rerun', 'fact-process', '--env', 'dev', '--json']);

    // Assess
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        name: 'RefusedError',
        message: expect.stringMatching(/^the Master is running/),
        reason: 'master-running',
        executionArn: 'arn:x',
      },
    });
    expect(result.connected).toEqual(['dev']);
  });

  it('prints JSON with --json and text with colours only on a terminal without NO_COLOR', async () => {
    // Prepare
    givenStateMachines(mocks, 'dev');

    // Act
    const json = await cli(['--env', 'dev', '--json', 'workflows']);
    const piped = await cli(['--env', 'dev', 'workflows']);
    const terminal = await cli(['--env', 'dev', 'workflows'], { isTTY: true });
    const noColor = await cli(['--env', 'dev', 'workflows'], { isTTY: true, env: { NO_COLOR: '1' } });

    // Assess
    expect(JSON.parse(json.stdout).workflows.map((workflow: { id: string }) => workflow.id)).toEqual([
      'master',
      'launch-emr-cluster',
      'dimension-process',
      'add-emr-workers',
      'fact-process',
      'terminate-emr-cluster',
    ]);
    expect(piped.stdout).not.toContain('\u001b[');
    expect(terminal.stdout).toContain('\u001b[1mfact-process\u001b[22m');
    expect(noColor.stdout).toBe(piped.stdout);
  });
});
