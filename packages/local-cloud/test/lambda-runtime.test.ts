import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LambdaInvocationError, LambdaRuntime } from '../src/index';

const bundle = fileURLToPath(new URL('./fixtures/functions.mjs', import.meta.url));

describe('Class: LambdaRuntime', () => {
  let logDir: string;
  let runtime: LambdaRuntime;

  beforeEach(() => {
    logDir = mkdtempSync(join(tmpdir(), 'lambda-runtime-'));
    runtime = new LambdaRuntime({ region: 'eu-west-1', logDir, runtimeEnv: { AWS_ACCESS_KEY_ID: 'local' } });
  });

  afterEach(async () => {
    await runtime.stop();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('returns the handler result when invoked by ARN with its alias', async () => {
    // Prepare
    runtime.register({ name: 'echo', bundle, handler: 'index.echo', environment: {}, aliases: ['live'] });

    // Act
    const result = await runtime.invoke('arn:aws:lambda:eu-west-1:123456789012:function:echo:live', { ClusterId: 'j-1' });

    // Assess
    expect(result).toEqual({ event: { ClusterId: 'j-1' }, functionName: 'echo', remaining: true });
    expect(runtime.invocations.map((record) => [record.functionName, record.qualifier, record.errorType])).toEqual([
      ['echo', 'live', undefined],
    ]);
  });

  it('gives each function exactly its own environment', async () => {
    // Prepare
    runtime.register({ name: 'first', bundle, handler: 'index.environment', environment: { SECRET: 'one' } });
    runtime.register({ name: 'second', bundle, handler: 'index.environment', environment: { OTHER_SECRET: 'two' } });

    // Act
    const first = await runtime.invoke('first', {});
    const second = await runtime.invoke('second', {});

    // Assess
    expect(first).toEqual({ secret: 'one', other: null, region: 'eu-west-1', bundle: null });
    expect(second).toEqual({ secret: null, other: 'two', region: 'eu-west-1', bundle: null });
  });

  it('keeps a function warm between invocations', async () => {
    // Prepare
    runtime.register({ name: 'counter', bundle, handler: 'index.counter', environment: {} });

    // Act
    const first = (await runtime.invoke('counter', {})) as { calls: number; pid: number };
    const second = (await runtime.invoke('counter', {})) as { calls: number; pid: number };

    // Assess
    expect(second.calls).toBe(first.calls + 1);
    expect(second.pid).toBe(first.pid);
  });

  it('rejects with the error type and message the handler threw, as Lambda reports them', async () => {
    // Prepare
    runtime.register({ name: 'fail', bundle, handler: 'index.fail', environment: {} });

    // Act
    const error = (await runtime
      .invoke('fail', { errorName: 'StateFileError' })
      .catch((caught: unknown) => caught)) as LambdaInvocationError;

    // Assess
    expect(error).toBeInstanceOf(LambdaInvocationError);
    expect(error.name).toBe('StateFileError');
    expect(error.errorMessage).toBe('cannot handle {"errorName":"StateFileError"}');
    expect(JSON.parse(error.message)).toMatchObject({
      errorType: 'StateFileError',
      errorMessage: 'cannot handle {"errorName":"StateFileError"}',
    });
  });

  it('rejects with Sandbox.Timedout when the function runs past its timeout, then serves the next call cold', async () => {
    // Prepare
    runtime.register({ name: 'sleepy', bundle, handler: 'index.sleepy', environment: {}, timeoutSeconds: 0.2 });

    // Act
    const error = (await runtime.invoke('sleepy', { ms: 5000 }).catch((caught: unknown) => caught)) as LambdaInvocationError;
    const next = await runtime.invoke('sleepy', { ms: 1 });

    // Assess
    expect(error.name).toBe('Sandbox.Timedout');
    expect(error.errorMessage).toMatch(/Task timed out after 0\.20 seconds$/);
    expect(next).toEqual({ slept: 1 });
  });

  it('rejects with Runtime.ExitError when the process exits during an invocation', async () => {
    // Prepare
    runtime.register({ name: 'crash', bundle, handler: 'index.crash', environment: {} });

    // Act
    const error = (await runtime.invoke('crash', {}).catch((caught: unknown) => caught)) as LambdaInvocationError;

    // Assess
    expect(error.name).toBe('Runtime.ExitError');
    expect(error.errorMessage).toMatch(/Runtime exited with status 3/);
  });

  it('rejects with ResourceNotFoundException for an unknown function or alias', async () => {
    // Prepare
    runtime.register({ name: 'echo', bundle, handler: 'index.echo', environment: {}, aliases: ['live'] });

    // Act
    const unknown = (await runtime.invoke('nope', {}).catch((caught: unknown) => caught)) as Error;
    const alias = (await runtime.invoke('echo:blue', {}).catch((caught: unknown) => caught)) as Error;

    // Assess
    expect([unknown.name, alias.name]).toEqual(['ResourceNotFoundException', 'ResourceNotFoundException']);
  });

  it('writes each function log to its own file', async () => {
    // Prepare
    runtime.register({ name: 'echo', bundle, handler: 'index.echo', environment: {} });

    // Act
    await runtime.invoke('echo', {});
    await runtime.stop();

    // Assess
    expect(readFileSync(join(logDir, 'echo.log'), 'utf8')).toMatch(/START RequestId: [\w-]+ Version: \$LATEST\n(.*\n)*END RequestId/);
  });

  it('throws the injected error instead of running the handler when a start fault is set, then runs it again', async () => {
    // Prepare
    runtime.register({ name: 'counter', bundle, handler: 'index.counter', environment: {} });
    runtime.faults.push({ functionName: 'counter', errorType: 'Lambda.ServiceException', message: 'injected', remaining: 1 });

    // Act
    const failed = await runtime.invoke('counter', {}).catch((error: Error) => error);
    const next = (await runtime.invoke('counter', {})) as { calls: number };

    // Assess
    expect(failed).toBeInstanceOf(LambdaInvocationError);
    expect((failed as LambdaInvocationError).errorType).toBe('Lambda.ServiceException');
    expect(next.calls).toBe(1);
    expect(runtime.invocations.map((record) => record.errorType)).toEqual(['Lambda.ServiceException', undefined]);
  });

  it('runs the handler and then throws the injected error when an end fault is set', async () => {
    // Prepare
    runtime.register({ name: 'counter', bundle, handler: 'index.counter', environment: {} });
    runtime.faults.push({ functionName: 'counter', errorType: 'Sandbox.Timedout', message: 'Task timed out', remaining: 1, phase: 'end' });

    // Act
    const failed = await runtime.invoke('counter', {}).catch((error: Error) => error);
    const next = (await runtime.invoke('counter', {})) as { calls: number };

    // Assess
    expect((failed as LambdaInvocationError).errorType).toBe('Sandbox.Timedout');
    expect(next.calls).toBe(2);
  });
});
