import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidArn,
  ListExecutionsCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { WORKFLOW_IDS } from '@data-pipeline/asl';
import { localNames } from '@data-pipeline/local';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError } from '../src/errors';
import { executionDetail, newRunsCache, runsPage } from '../src/sources/runs';
import { definitionOf } from './support/history';

const names = localNames();
const sfn = mockClient(SFNClient);
const executionArn = (workflow: string, name: string) =>
  `${names.stateMachineArn(workflow as (typeof WORKFLOW_IDS)[number]).replace(':stateMachine:', ':execution:')}:${name}`;

describe('Function: runsPage', () => {
  beforeEach(() => sfn.reset());

  it('lists the executions of each of the six state machines and reads each Master history for its children', async () => {
    // Prepare
    const master = executionArn('master', 'm1');
    const launch = executionArn('launch-emr-cluster', 'l1');
    sfn.on(ListExecutionsCommand).resolves({ executions: [] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: names.stateMachineArn('master') }).resolves({
      executions: [
        { executionArn: master, stateMachineArn: '', name: 'm1', status: 'SUCCEEDED', startDate: new Date('2026-01-01T10:00:00Z') },
      ],
    });
    sfn.on(ListExecutionsCommand, { stateMachineArn: names.stateMachineArn('launch-emr-cluster') }).resolves({
      executions: [
        { executionArn: launch, stateMachineArn: '', name: 'l1', status: 'SUCCEEDED', startDate: new Date('2026-01-01T10:00:01Z') },
      ],
    });
    sfn.on(GetExecutionHistoryCommand).resolves({
      events: [
        {
          id: 2,
          type: 'TaskStateExited',
          timestamp: new Date(),
          stateExitedEventDetails: { name: 'Start', output: JSON.stringify({ children: { launch: { executionArn: launch } } }) },
        },
      ],
    });

    // Act
    const view = await runsPage(new SFNClient({ region: 'eu-west-1' }), names, { size: 10 });

    // Assess
    expect(sfn.commandCalls(ListExecutionsCommand).map((call) => call.args[0].input.stateMachineArn)).toEqual(
      WORKFLOW_IDS.map((workflow) => names.stateMachineArn(workflow)),
    );
    expect(sfn.commandCalls(ListExecutionsCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: names.stateMachineArn('master'),
      maxResults: 10,
      nextToken: undefined,
    });
    expect(sfn.commandCalls(GetExecutionHistoryCommand).map((call) => call.args[0].input)).toEqual([
      { executionArn: master, maxResults: 1000 },
      { executionArn: launch, maxResults: 1000 },
    ]);
    expect(view.masters.map((run) => [run.name, run.children.map((child) => child.name)])).toEqual([['m1', ['l1']]]);
    expect(view.others).toEqual([]);
  });

  it('returns the Terminate EMR Cluster a failed child started inside the Master run, right after that child', async () => {
    // Prepare
    const master = executionArn('master', 'm1');
    const dimension = executionArn('dimension-process', 'd1');
    const fromChild = executionArn('terminate-emr-cluster', 't-child');
    const fromMaster = executionArn('terminate-emr-cluster', 't-master');
    const alone = executionArn('terminate-emr-cluster', 't-alone');
    const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, second));
    const listed = (arn: string, name: string, second: number) => ({
      executionArn: arn,
      stateMachineArn: '',
      name,
      status: 'FAILED' as const,
      startDate: at(second),
    });
    const exited = (output: unknown) => ({
      events: [
        {
          id: 2,
          type: 'TaskStateExited' as const,
          timestamp: new Date(),
          stateExitedEventDetails: { name: 'Start', output: JSON.stringify(output) },
        },
      ],
    });
    sfn.on(ListExecutionsCommand).resolves({ executions: [] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: names.stateMachineArn('master') }).resolves({ executions: [listed(master, 'm1', 0)] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: names.stateMachineArn('dimension-process') }).resolves({
      executions: [listed(dimension, 'd1', 1)],
    });
    sfn.on(ListExecutionsCommand, { stateMachineArn: names.stateMachineArn('terminate-emr-cluster') }).resolves({
      executions: [listed(fromChild, 't-child', 2), listed(fromMaster, 't-master', 3), listed(alone, 't-alone', 9)],
    });
    sfn.on(GetExecutionHistoryCommand).resolves({ events: [] });
    sfn
      .on(GetExecutionHistoryCommand, { executionArn: master })
      .resolves(exited({ dimension: { executionArn: dimension }, cleanup: { executionArn: fromMaster } }));
    sfn.on(GetExecutionHistoryCommand, { executionArn: dimension }).resolves(exited({ cleanup: { executionArn: fromChild }, master }));

    // Act
    const view = await runsPage(new SFNClient({ region: 'eu-west-1' }), names, { size: 10 });

    // Assess
    expect(view.masters.map((run) => [run.name, run.children.map((child) => child.name)])).toEqual([['m1', ['d1', 't-child', 't-master']]]);
    expect(view.others.map((other) => other.name)).toEqual(['t-alone']);
  });

  it('reads the history of a Master that has ended once, over several calls', async () => {
    // Prepare
    const master = executionArn('master', 'm1');
    sfn.on(ListExecutionsCommand).resolves({ executions: [] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: names.stateMachineArn('master') }).resolves({
      executions: [
        { executionArn: master, stateMachineArn: '', name: 'm1', status: 'FAILED', startDate: new Date(), stopDate: new Date() },
      ],
    });
    sfn.on(GetExecutionHistoryCommand).resolves({ events: [] });
    const cache = newRunsCache();
    const client = new SFNClient({ region: 'eu-west-1' });

    // Act
    await runsPage(client, names, { size: 10 }, cache);
    await runsPage(client, names, { size: 10 }, cache);

    // Assess
    expect(sfn.commandCalls(GetExecutionHistoryCommand)).toHaveLength(1);
  });
});

describe('Function: runsPage, paging', () => {
  beforeEach(() => sfn.reset());

  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
  const master = (name: string, minute: number) => ({
    executionArn: executionArn('master', name),
    stateMachineArn: names.stateMachineArn('master'),
    name,
    status: 'SUCCEEDED' as const,
    startDate: at(minute),
    stopDate: at(minute + 1),
  });
  const alone = (name: string, minute: number) => ({
    executionArn: executionArn('terminate-emr-cluster', name),
    stateMachineArn: names.stateMachineArn('terminate-emr-cluster'),
    name,
    status: 'SUCCEEDED' as const,
    startDate: at(minute),
  });

  it('returns the page the token names, with the token of the next page and its oldest Master start', async () => {
    // Prepare
    sfn.on(ListExecutionsCommand).resolves({ executions: [] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: names.stateMachineArn('master'), nextToken: 'page-2' }).resolves({
      executions: [master('m3', 30), master('m2', 20)],
      nextToken: 'page-3',
    });
    sfn.on(GetExecutionHistoryCommand).resolves({ events: [] });

    // Act
    const page = await runsPage(new SFNClient({ region: 'eu-west-1' }), names, { size: 2, next: 'page-2', before: at(40).toISOString() });

    // Assess
    expect(sfn.commandCalls(ListExecutionsCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: names.stateMachineArn('master'),
      maxResults: 2,
      nextToken: 'page-2',
    });
    expect(page.masters.map((run) => run.name)).toEqual(['m3', 'm2']);
    expect(page.next).toBe('page-3');
    expect(page.oldest).toBe(at(20).toISOString());
  });

  it("returns as others the child executions started within the page's span only", async () => {
    // Prepare
    sfn.on(ListExecutionsCommand).resolves({ executions: [] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: names.stateMachineArn('master') }).resolves({
      executions: [master('m3', 30), master('m2', 20)],
      nextToken: 'page-3',
    });
    sfn.on(ListExecutionsCommand, { stateMachineArn: names.stateMachineArn('terminate-emr-cluster') }).resolves({
      executions: [alone('newer-page', 45), alone('this-page', 25), alone('older-page', 5)],
    });
    sfn.on(GetExecutionHistoryCommand).resolves({ events: [] });

    // Act
    const page = await runsPage(new SFNClient({ region: 'eu-west-1' }), names, { size: 2, next: 'page-2', before: at(40).toISOString() });

    // Assess
    expect(page.others.map((other) => other.name)).toEqual(['this-page']);
  });

  it('describes a child a Master started outside the listed span', async () => {
    // Prepare
    const child = alone('late-child', 50);
    sfn.on(ListExecutionsCommand).resolves({ executions: [] });
    sfn.on(ListExecutionsCommand, { stateMachineArn: names.stateMachineArn('master') }).resolves({ executions: [master('m1', 30)] });
    sfn.on(GetExecutionHistoryCommand).resolves({ events: [] });
    sfn.on(GetExecutionHistoryCommand, { executionArn: executionArn('master', 'm1') }).resolves({
      events: [
        {
          id: 2,
          type: 'TaskStateExited',
          timestamp: new Date(),
          stateExitedEventDetails: { name: 'Start', output: JSON.stringify({ cleanup: { executionArn: child.executionArn } }) },
        },
      ],
    });
    sfn.on(DescribeExecutionCommand).resolves({ ...child, stopDate: at(51) });

    // Act
    const page = await runsPage(new SFNClient({ region: 'eu-west-1' }), names, { size: 1, before: at(40).toISOString() });

    // Assess
    expect(sfn.commandCalls(DescribeExecutionCommand).map((call) => call.args[0].input)).toEqual([{ executionArn: child.executionArn }]);
    expect(page.masters[0]?.children.map((row) => [row.name, row.workflow])).toEqual([['late-child', 'terminate-emr-cluster']]);
  });
});

describe('Function: executionDetail', () => {
  beforeEach(() => sfn.reset());

  it('returns the graph of the definition the execution ran, with its failure', async () => {
    // Prepare
    const arn = executionArn('master', 'm1');
    sfn.on(DescribeExecutionCommand).resolves({
      executionArn: arn,
      stateMachineArn: names.stateMachineArn('master'),
      name: 'm1',
      status: 'FAILED',
      startDate: new Date('2026-01-01T10:00:00Z'),
      stopDate: new Date('2026-01-01T10:00:05Z'),
    });
    sfn.on(DescribeStateMachineCommand).resolves({ definition: JSON.stringify(definitionOf('master')) });
    const first = 'Check for another running Master';
    sfn.on(GetExecutionHistoryCommand).resolves({
      events: [
        { id: 1, type: 'TaskStateEntered', timestamp: new Date(), stateEnteredEventDetails: { name: first } },
        { id: 2, type: 'LambdaFunctionFailed', timestamp: new Date(), lambdaFunctionFailedEventDetails: { error: 'Boom' } },
        { id: 3, type: 'ExecutionFailed', timestamp: new Date(), executionFailedEventDetails: { error: 'Boom', cause: 'it broke' } },
      ],
    });

    // Act
    const detail = await executionDetail(new SFNClient({ region: 'eu-west-1' }), names, arn);

    // Assess
    expect(sfn.commandCalls(DescribeStateMachineCommand).map((call) => call.args[0].input)).toEqual([
      { stateMachineArn: names.stateMachineArn('master') },
    ]);
    expect(detail.execution).toMatchObject({ workflow: 'master', title: 'Master', status: 'FAILED', durationSeconds: 5 });
    expect(detail.path.failure).toEqual({ state: first, error: 'Boom', cause: 'it broke' });
    expect(detail.mermaid).toMatch(/^flowchart TD\n/);
    expect(detail.mermaid).toMatch(/class s\d+ failed/);
  });

  it('throws a NotFoundError naming the execution when Step Functions does not know it', async () => {
    // Prepare
    sfn.on(DescribeExecutionCommand).rejects(new ExecutionDoesNotExist({ message: 'Execution Does Not Exist', $metadata: {} }));

    // Act
    const result = executionDetail(new SFNClient({ region: 'eu-west-1' }), names, executionArn('master', 'gone'));

    // Assess
    await expect(result).rejects.toThrow(NotFoundError);
    await expect(result).rejects.toThrow(`no execution ${executionArn('master', 'gone')}`);
  });

  it('throws a BadRequestError when the ARN is not one', async () => {
    // Prepare
    sfn.on(DescribeExecutionCommand).rejects(new InvalidArn({ message: "Invalid Arn: 'x'", $metadata: {} }));

    // Act
    const result = executionDetail(new SFNClient({ region: 'eu-west-1' }), names, 'x');

    // Assess
    await expect(result).rejects.toThrow(BadRequestError);
  });
});
