import { childStates, MASTER_STATES, TABLE_STEPS, tableProcessStates } from '@data-pipeline/asl';
import { describe, expect, it } from 'vitest';
import { executionPath, startedExecutions } from '../src/shaping/history';
import { choiceNext, definitionOf, failed, historyOf, succeeded } from './support/history';

const master = definitionOf('master');
const fact = definitionOf('fact-process');
const launch = childStates('launch-emr-cluster');
const factChild = childStates('fact-process');

describe('Function: executionPath', () => {
  it('returns the visited states in order of first entry, each transition once, and no failure when the execution succeeded', () => {
    // Prepare
    const path = [
      MASTER_STATES.checkDuplicate,
      MASTER_STATES.duplicate,
      launch.start,
      launch.wait,
      launch.check,
      launch.done,
      launch.wait,
      launch.check,
      launch.done,
    ];
    const events = historyOf(path, succeeded);

    // Act
    const result = executionPath(master, events);

    // Assess
    expect(result.visited).toEqual([
      MASTER_STATES.checkDuplicate,
      MASTER_STATES.duplicate,
      launch.start,
      launch.wait,
      launch.check,
      launch.done,
    ]);
    expect(result.transitions).toEqual([
      [MASTER_STATES.checkDuplicate, MASTER_STATES.duplicate],
      [MASTER_STATES.duplicate, launch.start],
      [launch.start, launch.wait],
      [launch.wait, launch.check],
      [launch.check, launch.done],
      [launch.done, launch.wait],
    ]);
    expect(result.failure).toBeUndefined();
  });

  it('returns the state the failure record names, with the error and cause of the execution, when a workflow failed through its failure handling', () => {
    // Prepare
    const record = choiceNext(master, factChild.done, 'ERROR');
    const failure = { state: factChild.check, error: 'ChildWorkflowFailed', message: 'Master failed in state Check Fact Process' };
    const events = historyOf(
      [factChild.start, factChild.wait, factChild.check, factChild.done, record, 'Notify failure', 'Master failed'],
      failed('ChildWorkflowFailed', failure.message),
      { [record]: { failure } },
    );

    // Act
    const result = executionPath(master, events);

    // Assess
    expect(result.failure).toEqual({ state: factChild.check, error: 'ChildWorkflowFailed', cause: failure.message });
  });

  it('returns the state before the Choice that routed to the failure when the record names no state (a Map item failure)', () => {
    // Prepare
    const S = tableProcessStates('fact');
    const load = TABLE_STEPS[1];
    if (!load) throw new Error('no load step');
    const itemRecord = choiceNext(fact, load.done, 'ERROR');
    const events = historyOf(
      [
        S.read,
        S.list,
        S.map,
        load.submit,
        load.wait,
        load.check,
        load.done,
        itemRecord,
        S.tableFailed,
        `${S.map} failed`,
        'Notify failure',
      ],
      failed('EmrStepFailed', 'table sample_country_tx_fact failed in state Check load'),
      { [itemRecord]: { failure: { error: 'EmrStepFailed', message: 'table sample_country_tx_fact failed' } } },
    );

    // Act
    const result = executionPath(fact, events);

    // Assess
    expect(result.failure?.state).toBe(load.check);
    expect(result.failure?.error).toBe('EmrStepFailed');
  });

  it('returns the state whose task failed when the execution failed without a failure record', () => {
    // Prepare
    const events = historyOf([MASTER_STATES.checkDuplicate], undefined);
    events.push(
      {
        id: 90,
        type: 'LambdaFunctionFailed',
        timestamp: new Date(),
        lambdaFunctionFailedEventDetails: { error: 'Boom', cause: 'it broke' },
      },
      { id: 91, type: 'ExecutionFailed', timestamp: new Date(), executionFailedEventDetails: { error: 'Boom', cause: 'it broke' } },
    );

    // Act
    const result = executionPath(master, events);

    // Assess
    expect(result.failure).toEqual({ state: MASTER_STATES.checkDuplicate, error: 'Boom', cause: 'it broke' });
  });

  it('returns the last state entered as the failure of an aborted execution', () => {
    // Prepare
    const events = historyOf([launch.start, launch.wait], {
      id: 0,
      type: 'ExecutionAborted',
      timestamp: new Date(),
      executionAbortedEventDetails: {},
    });

    // Act
    const result = executionPath(master, events);

    // Assess
    expect(result.failure).toEqual({ state: launch.wait, error: undefined, cause: undefined });
  });
});

describe('Function: startedExecutions', () => {
  it('returns the execution ARNs found in the states outputs in the order they first appear, without its own', () => {
    // Prepare
    const own = 'arn:aws:states:eu-west-1:000000000000:execution:data-pipeline-local-master:run-1';
    const first = 'arn:aws:states:eu-west-1:000000000000:execution:data-pipeline-local-launch-emr-cluster:a1';
    const second = 'arn:aws:states:eu-west-1:000000000000:execution:data-pipeline-local-dimension-process:b2';
    const events = historyOf(['Start Launch', 'Check Launch', 'Start Dimension'], succeeded, {
      'Start Launch': { children: { launch: { executionArn: first } }, self: own },
      'Check Launch': { children: { launch: { executionArn: first, Status: 'SUCCESS' } } },
      'Start Dimension': { children: { launch: { executionArn: first }, dimension: { executionArn: second } } },
    });

    // Act
    const result = startedExecutions(events, own);

    // Assess
    expect(result).toEqual([first, second]);
  });
});
