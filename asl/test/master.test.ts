import { describe, expect, it } from 'vitest';
import { sampleReferences } from '../src/sample-references';
import { CHILD_WORKFLOW_IDS, CHILD_WORKFLOWS, type ChildWorkflowId, childStates } from '../src/workflows/registry';
import { executionArnOf, FakeCloud } from './support/fake-cloud';

const refs = sampleReferences();
const TERMINATE_ARN = refs.stateMachines['terminate-emr-cluster'];
const SUBJECT = 'data-pipeline: Master failed';

function childVisit(id: ChildWorkflowId, polls: number): string[] {
  const C = childStates(id);
  return [C.start, ...Array(polls).fill([C.wait, C.check, C.done]).flat()];
}
const GUARD = ['Check for another running Master', 'Another Master running?'];
const LANDED = ['Check for landed files', 'Anything to load?'];

describe('Function: Master', () => {
  it('returns every child execution as SUCCESS and notifies success when each child succeeds', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { childPolls: 1 });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result.visited).toEqual([
      ...GUARD,
      ...LANDED,
      ...CHILD_WORKFLOW_IDS.flatMap((id) => childVisit(id, 2)),
      'Notify success',
      'Pipeline succeeded',
    ]);
    expect(cloud.started()).toEqual(CHILD_WORKFLOW_IDS);
    expect(cloud.calls('submit-stepfunction').map((call) => call.input)).toEqual(
      CHILD_WORKFLOW_IDS.map((id) => ({ nextStateMachineArn: refs.stateMachines[id] })),
    );
    expect(cloud.calls('check-duplicate-stepfunction').map((call) => call.input)).toEqual([
      { currentStepName: 'data-pipeline-master', currentExecutionArn: executionArnOf('master', 'test-run') },
    ]);
    const arns = cloud.executions.map((execution) => execution.arn);
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        launchEmrCluster: { executionArn: arns[0], Status: 'SUCCESS' },
        dimensionProcess: { executionArn: arns[1], Status: 'SUCCESS' },
        addEmrWorkers: { executionArn: arns[2], Status: 'SUCCESS' },
        factProcess: { executionArn: arns[3], Status: 'SUCCESS' },
        terminateEmrCluster: { executionArn: arns[4], Status: 'SUCCESS' },
      },
    });
    expect(cloud.messages).toEqual([
      {
        Subject: 'data-pipeline: Master succeeded',
        Message: `The data pipeline run succeeded. Executions: ${CHILD_WORKFLOWS.map(({ title }, index) => `${title} ${arns[index]}`).join(', ')}.`,
      },
    ]);
  });

  it('polls each child until SUCCESS when it answers RUNNING several times', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { childPolls: 3 });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result.visited).toEqual([
      ...GUARD,
      ...LANDED,
      ...CHILD_WORKFLOW_IDS.flatMap((id) => childVisit(id, 4)),
      'Notify success',
      'Pipeline succeeded',
    ]);
    expect(cloud.calls('status-stepfunction')).toHaveLength(20);
  });

  it('throws MasterAlreadyRunning and invokes nothing else when another Master runs', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { anotherMasterRunning: true });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result.visited).toEqual([...GUARD, 'Master already running']);
    expect(cloud.invocations.map((call) => call.lambda)).toEqual(['check-duplicate-stepfunction']);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'MasterAlreadyRunning',
      cause: 'an earlier execution of data-pipeline-master is running; this execution stopped before doing anything',
    });
  });

  it.each(CHILD_WORKFLOWS.map(({ id, title }) => [title, id] as const))(
    'throws ChildWorkflowFailed, notifies and starts Terminate when %s ends ERROR',
    async (title, id) => {
      // Prepare
      const cloud = new FakeCloud(refs, { childPolls: 1, children: { [id]: 'ERROR' } });
      const index = CHILD_WORKFLOW_IDS.indexOf(id);

      // Act
      const result = await cloud.run('master', {});

      // Assess
      expect(result.visited).toEqual([
        ...GUARD,
        ...LANDED,
        ...CHILD_WORKFLOW_IDS.slice(0, index).flatMap((child) => childVisit(child, 2)),
        ...childVisit(id, 2),
        `${title} ended in error`,
        'Notify failure',
        'Cluster may be running?',
        'Start cluster termination',
        'Master failed',
      ]);
      const arn = cloud.executions[index]?.arn;
      const message = `Master failed in state Check ${title}: ChildWorkflowFailed: ${title} execution ${arn} failed, timed out or was aborted; its own notification tells why`;
      expect(cloud.messages).toEqual([{ Subject: SUBJECT, Message: message }]);
      expect(cloud.started()).toEqual([...CHILD_WORKFLOW_IDS.slice(0, index + 1), 'terminate-emr-cluster']);
      expect(cloud.calls('submit-stepfunction').at(-1)?.input).toEqual({ nextStateMachineArn: TERMINATE_ARN });
      expect(result).toMatchObject({ status: 'FAILED', error: 'ChildWorkflowFailed', cause: message });
    },
  );

  it('returns SUCCESS when status-stepfunction meets a transient Lambda error once (Retry)', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      childPolls: 0,
      faults: [
        {
          lambda: 'status-stepfunction',
          state: 'Check Fact Process',
          error: { name: 'Lambda.AWSLambdaException', message: 'try again' },
          times: 1,
        },
      ],
    });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result.visited).toEqual([
      ...GUARD,
      ...LANDED,
      ...CHILD_WORKFLOW_IDS.flatMap((id) => childVisit(id, 1)),
      'Notify success',
      'Pipeline succeeded',
    ]);
    expect(result.retried).toEqual(['Check Fact Process']);
    expect(result.status).toBe('SUCCEEDED');
  });

  it('throws the Lambda error, notifies and starts Terminate when status-stepfunction fails for good (Catch)', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      childPolls: 0,
      faults: [
        {
          lambda: 'status-stepfunction',
          state: 'Check Dimension Process',
          error: { name: 'AccessDeniedException', message: 'not authorized to perform states:DescribeExecution' },
        },
      ],
    });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result.visited.slice(-7)).toEqual([
      'Wait for Dimension Process',
      'Check Dimension Process',
      'Check Dimension Process failed',
      'Notify failure',
      'Cluster may be running?',
      'Start cluster termination',
      'Master failed',
    ]);
    const message =
      'Master failed in state Check Dimension Process: AccessDeniedException: not authorized to perform states:DescribeExecution';
    expect(cloud.messages).toEqual([{ Subject: SUBJECT, Message: message }]);
    expect(cloud.started()).toEqual(['launch-emr-cluster', 'dimension-process', 'terminate-emr-cluster']);
    expect(result).toMatchObject({ status: 'FAILED', error: 'AccessDeniedException', cause: message });
  });

  it('throws the Lambda error and starts no termination when the Launch child cannot be started', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      faults: [{ lambda: 'submit-stepfunction', error: { name: 'StateMachineDoesNotExist', message: 'no such state machine' } }],
    });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result.visited).toEqual([
      ...GUARD,
      ...LANDED,
      'Start Launch EMR Cluster',
      'Start Launch EMR Cluster failed',
      'Notify failure',
      'Cluster may be running?',
      'Master failed',
    ]);
    expect(cloud.calls('submit-stepfunction')).toHaveLength(1);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'StateMachineDoesNotExist',
      cause: 'Master failed in state Start Launch EMR Cluster: StateMachineDoesNotExist: no such state machine',
    });
  });

  it('throws the Lambda error and notifies when the duplicate check itself fails', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      faults: [{ lambda: 'check-duplicate-stepfunction', error: { name: 'EventValidationError', message: 'bad event' } }],
    });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result.visited).toEqual([
      'Check for another running Master',
      'Check for another running Master failed',
      'Notify failure',
      'Cluster may be running?',
      'Master failed',
    ]);
    expect(cloud.invocations.map((call) => call.lambda)).toEqual(['check-duplicate-stepfunction', 'send-msg-sns']);
    expect(result).toMatchObject({ status: 'FAILED', error: 'EventValidationError' });
  });

  it('returns the landed-files answer, notifies that there is nothing to load and starts no child when no table has files', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { landed: 'NOTHING' });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result.visited).toEqual([...GUARD, ...LANDED, 'Notify nothing to load', 'Nothing to load']);
    expect(cloud.started()).toEqual([]);
    expect(cloud.calls('check-landed-files').map((call) => call.input)).toEqual([
      { Tables: [...refs.tables.dimension, ...refs.tables.fact].map((table) => table.stage) },
    ]);
    expect(cloud.messages).toEqual([
      { Subject: 'data-pipeline: Master found nothing to load', Message: 'Nothing to load: no file has landed.' },
    ]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Status: 'NOTHING', Landed: 0, Staged: 0 } });
  });

  it('throws UnexpectedStatus, notifies and starts nothing when check-landed-files answers outside its contract', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { landed: 'MAYBE' });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(cloud.started()).toEqual([]);
    expect(cloud.messages.map((message) => message.Subject)).toEqual([SUBJECT]);
    expect(result).toMatchObject({ status: 'FAILED', error: 'UnexpectedStatus' });
    expect(result.cause).toContain('check-landed-files answered');
  });

  it('throws the Lambda error, notifies and starts nothing when the landed-files check fails', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, {
      faults: [{ lambda: 'check-landed-files', error: { name: 'ZoneListingError', message: 'could not list s3://work-area/landing/' } }],
    });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result.visited).toEqual([
      ...GUARD,
      'Check for landed files',
      'Check for landed files failed',
      'Notify failure',
      'Cluster may be running?',
      'Master failed',
    ]);
    expect(cloud.started()).toEqual([]);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'ZoneListingError',
      cause: 'Master failed in state Check for landed files: ZoneListingError: could not list s3://work-area/landing/',
    });
  });
});
