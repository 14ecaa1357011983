import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpService, LambdaRuntime, StepFunctionsService } from '../src/index';

const bundle = fileURLToPath(new URL('./fixtures/functions.mjs', import.meta.url));
const lambdaArn = (name: string) => `arn:aws:lambda:eu-west-1:000000000000:function:${name}:live`;
const roleArn = 'arn:aws:iam::000000000000:role/local-states';

function pipelineDefinition(): string {
  return JSON.stringify({
    StartAt: 'Echo',
    States: {
      Echo: { Type: 'Task', Resource: lambdaArn('echo'), ResultPath: '$.echo', Next: 'Pause' },
      Pause: { Type: 'Wait', Seconds: 300, Next: 'Flaky' },
      Flaky: {
        Type: 'Task',
        Resource: lambdaArn('flaky'),
        Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 60, MaxAttempts: 2 }],
        ResultPath: '$.flaky',
        Next: 'Fail on request',
      },
      'Fail on request': { Type: 'Choice', Choices: [{ Variable: '$.fail', BooleanEquals: true, Next: 'Failing' }], Default: 'Done' },
      Failing: {
        Type: 'Task',
        Resource: lambdaArn('fail'),
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
        End: true,
      },
      Failed: { Type: 'Fail', Error: 'PipelineFailed', Cause: 'the failing task failed' },
      Done: { Type: 'Succeed' },
    },
  });
}

describe('Class: StepFunctionsService', () => {
  let logDir: string;
  let lambda: LambdaRuntime;
  let service: StepFunctionsService;
  let http: HttpService;
  let sfn: SFNClient;
  let machineArn: string;

  async function finished(executionArn: string): Promise<DescribeExecutionCommandOutput> {
    for (;;) {
      const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (execution.status !== 'RUNNING') return execution;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  beforeAll(async () => {
    logDir = mkdtempSync(join(tmpdir(), 'sfn-'));
    lambda = new LambdaRuntime({ region: 'eu-west-1', logDir });
    lambda.register({ name: 'echo', bundle, handler: 'index.echo', environment: {}, aliases: ['live'] });
    lambda.register({ name: 'flaky', bundle, handler: 'index.flakyOnce', environment: {}, aliases: ['live'] });
    lambda.register({ name: 'fail', bundle, handler: 'index.fail', environment: {}, aliases: ['live'] });
    lambda.register({ name: 'sleepy', bundle, handler: 'index.sleepy', environment: {}, aliases: ['live'] });
    service = new StepFunctionsService({ region: 'eu-west-1', account: '000000000000', lambda, timeScale: 0.0001 });
    http = await service.start();
    sfn = new SFNClient({ region: 'eu-west-1', endpoint: http.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const created = await sfn.send(new CreateStateMachineCommand({ name: 'pipeline', definition: pipelineDefinition(), roleArn }));
    machineArn = created.stateMachineArn ?? '';
  });

  afterAll(async () => {
    await service.stop();
    await lambda.stop();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('runs an execution through Lambda tasks, a scaled Wait and a Retry to SUCCEEDED', async () => {
    // Prepare
    const input = JSON.stringify({ fail: false });

    // Act
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: 'happy', input }));
    const execution = await finished(started.executionArn ?? '');
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: started.executionArn }));

    // Assess
    expect(started.executionArn).toBe('arn:aws:states:eu-west-1:000000000000:execution:pipeline:happy');
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toMatchObject({
      fail: false,
      echo: { event: { fail: false }, functionName: 'echo' },
      flaky: { attempt: 2 },
    });
    expect(history.events?.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskStateExited',
      'WaitStateEntered',
      'WaitStateExited',
      'TaskStateEntered',
      'LambdaFunctionFailed',
      'StateRetried',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(history.events?.map((event) => event.id)).toEqual(Array.from({ length: 14 }, (_, index) => index + 1));
  });

  it('ends FAILED with the Fail state error and cause after a Catch', async () => {
    // Prepare
    const input = JSON.stringify({ fail: true });

    // Act
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: 'unhappy', input }));
    const execution = await finished(started.executionArn ?? '');
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: started.executionArn, reverseOrder: true }));

    // Assess
    expect(execution).toMatchObject({ status: 'FAILED', error: 'PipelineFailed', cause: 'the failing task failed' });
    expect(history.events?.[0]).toMatchObject({ type: 'ExecutionFailed', executionFailedEventDetails: { error: 'PipelineFailed' } });
    const lambdaFailure = history.events?.find((event) => event.type === 'LambdaFunctionFailed');
    expect(lambdaFailure?.lambdaFunctionFailedEventDetails?.error).toBe('StateFileError');
    expect(JSON.parse(lambdaFailure?.lambdaFunctionFailedEventDetails?.cause ?? '{}')).toMatchObject({ errorType: 'StateFileError' });
  });

  it('runs executions concurrently, lists them by status and stops one as ABORTED', async () => {
    // Prepare
    const definition = JSON.stringify({ StartAt: 'Sleep', States: { Sleep: { Type: 'Task', Resource: lambdaArn('sleepy'), End: true } } });
    const slow = await sfn.send(new CreateStateMachineCommand({ name: 'slow', definition, roleArn }));
    const first = await sfn.send(new StartExecutionCommand({ stateMachineArn: slow.stateMachineArn, name: 'one', input: '{"ms": 60000}' }));
    const second = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: slow.stateMachineArn, name: 'two', input: '{"ms": 60000}' }),
    );

    // Act
    const running = await sfn.send(new ListExecutionsCommand({ stateMachineArn: slow.stateMachineArn, statusFilter: 'RUNNING' }));
    await sfn.send(new StopExecutionCommand({ executionArn: first.executionArn, error: 'Operator', cause: 'stopped by hand' }));
    await sfn.send(new StopExecutionCommand({ executionArn: second.executionArn }));
    const stopped = await sfn.send(new DescribeExecutionCommand({ executionArn: first.executionArn }));
    const aborted = await sfn.send(new ListExecutionsCommand({ stateMachineArn: slow.stateMachineArn, statusFilter: 'ABORTED' }));

    // Assess
    expect(running.executions?.map((execution) => execution.name).sort()).toEqual(['one', 'two']);
    expect(stopped).toMatchObject({ status: 'ABORTED', error: 'Operator', cause: 'stopped by hand' });
    expect(aborted.executions).toHaveLength(2);
  });

  it('pages ListExecutions newest first with maxResults and nextToken', async () => {
    // Prepare
    const definition = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } });
    const quick = await sfn.send(new CreateStateMachineCommand({ name: 'quick', definition, roleArn }));
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: quick.stateMachineArn, name }));
      await finished(started.executionArn ?? '');
    }

    // Act
    const names: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn: quick.stateMachineArn, maxResults: 2, nextToken }));
      names.push(...(page.executions ?? []).map((execution) => execution.name ?? ''));
      nextToken = page.nextToken;
      pages += 1;
    } while (nextToken);

    // Assess
    expect(pages).toBe(3);
    expect(names).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('enforces execution names: invalid characters, reuse with other input, and the idempotent repeat', async () => {
    // Prepare
    const definition = JSON.stringify({ StartAt: 'Sleep', States: { Sleep: { Type: 'Task', Resource: lambdaArn('sleepy'), End: true } } });
    const named = await sfn.send(new CreateStateMachineCommand({ name: 'named', definition, roleArn }));
    const first = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: named.stateMachineArn, name: 'run-1', input: '{"ms": 60000}' }),
    );

    // Act
    const repeat = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: named.stateMachineArn, name: 'run-1', input: '{"ms": 60000}' }),
    );
    const reuse = await sfn
      .send(new StartExecutionCommand({ stateMachineArn: named.stateMachineArn, name: 'run-1', input: '{"ms": 1}' }))
      .catch((error: Error) => error);
    const invalid = await sfn
      .send(new StartExecutionCommand({ stateMachineArn: named.stateMachineArn, name: 'run 2' }))
      .catch((error: Error) => error);
    const tooLong = await sfn
      .send(new StartExecutionCommand({ stateMachineArn: named.stateMachineArn, name: 'x'.repeat(81) }))
      .catch((error: Error) => error);
    const badInput = await sfn
      .send(new StartExecutionCommand({ stateMachineArn: named.stateMachineArn, input: '{not json' }))
      .catch((error: Error) => error);
    await sfn.send(new StopExecutionCommand({ executionArn: first.executionArn }));

    // Assess
    expect(repeat.executionArn).toBe(first.executionArn);
    expect([(reuse as Error).name, (invalid as Error).name, (tooLong as Error).name, (badInput as Error).name]).toEqual([
      'ExecutionAlreadyExists',
      'InvalidName',
      'InvalidName',
      'InvalidExecutionInput',
    ]);
  });

  it('creates, describes, lists, updates and deletes state machines', async () => {
    // Prepare
    const definition = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } });
    const created = await sfn.send(new CreateStateMachineCommand({ name: 'lifecycle', definition, roleArn }));
    const changed = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } });

    // Act
    await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: changed }));
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    const listed = await sfn.send(new ListStateMachinesCommand({}));
    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    const gone = await sfn
      .send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }))
      .catch((error: Error) => error);

    // Assess
    expect(described).toMatchObject({ name: 'lifecycle', definition: changed, status: 'ACTIVE', type: 'STANDARD', roleArn });
    expect(listed.stateMachines?.map((machine) => machine.name)).toContain('lifecycle');
    expect((gone as Error).name).toBe('StateMachineDoesNotExist');
  });

  it('answers AWS errors for an invalid definition, an unknown execution and a malformed ARN', async () => {
    // Prepare
    const unknown = 'arn:aws:states:eu-west-1:000000000000:execution:pipeline:nope';

    // Act
    const invalid = await sfn
      .send(new CreateStateMachineCommand({ name: 'broken', definition: '{"StartAt": "X", "States": {}}', roleArn }))
      .catch((error: Error) => error);
    const missing = await sfn.send(new DescribeExecutionCommand({ executionArn: unknown })).catch((error: Error) => error);
    const malformed = await sfn.send(new DescribeExecutionCommand({ executionArn: 'pipeline:nope' })).catch((error: Error) => error);

    // Assess
    expect((invalid as Error).name).toBe('InvalidDefinition');
    expect((missing as Error).name).toBe('ExecutionDoesNotExist');
    expect((missing as Error).message).toBe(`Execution Does Not Exist: '${unknown}'`);
    expect((malformed as Error).name).toBe('InvalidArn');
  });
});
