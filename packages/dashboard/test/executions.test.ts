import { describe, expect, it } from 'vitest';
import { type ExecutionRow, executionRow, runsView } from '../src/shaping/executions';

const arn = (workflow: string, name: string) => `arn:aws:states:eu-west-1:000000000000:execution:data-pipeline-local-${workflow}:${name}`;

function row(workflow: string, name: string, start: string): ExecutionRow {
  return { workflow, title: workflow, arn: arn(workflow, name), name, status: 'SUCCEEDED', start };
}

describe('Function: executionRow', () => {
  it('returns the status, ISO times and the duration in seconds when the execution ended', () => {
    // Prepare
    const item = {
      executionArn: arn('master', 'run-1'),
      stateMachineArn: 'arn:aws:states:eu-west-1:000000000000:stateMachine:data-pipeline-local-master',
      name: 'run-1',
      status: 'FAILED' as const,
      startDate: new Date('2026-01-01T10:00:00Z'),
      stopDate: new Date('2026-01-01T10:01:30.500Z'),
    };

    // Act
    const result = executionRow('master', 'Master', item);

    // Assess
    expect(result).toEqual({
      workflow: 'master',
      title: 'Master',
      arn: item.executionArn,
      name: 'run-1',
      status: 'FAILED',
      start: '2026-01-01T10:00:00.000Z',
      stop: '2026-01-01T10:01:30.500Z',
      durationSeconds: 90.5,
    });
  });

  it('returns the time so far as the duration when the execution runs', () => {
    // Prepare
    const item = {
      executionArn: arn('master', 'run-2'),
      stateMachineArn: '',
      name: 'run-2',
      status: 'RUNNING' as const,
      startDate: new Date('2026-01-01T10:00:00Z'),
    };

    // Act
    const result = executionRow('master', 'Master', item, new Date('2026-01-01T10:00:12Z'));

    // Assess
    expect(result.stop).toBeUndefined();
    expect(result.durationSeconds).toBe(12);
  });
});

describe('Function: runsView', () => {
  it('returns each Master newest first with its children in the order it started them, and the other executions apart', () => {
    // Prepare
    const older = row('master', 'm1', '2026-01-01T09:00:00Z');
    const newer = row('master', 'm2', '2026-01-01T10:00:00Z');
    const launch = row('launch-emr-cluster', 'l2', '2026-01-01T10:00:01Z');
    const dimension = row('dimension-process', 'd2', '2026-01-01T10:00:05Z');
    const alone = row('dimension-process', 'alone', '2026-01-01T11:00:00Z');
    const children = new Map([
      [newer.arn, [launch.arn, dimension.arn, arn('fact-process', 'not-listed')]],
      [older.arn, []],
    ]);

    // Act
    const result = runsView([dimension, alone, older, launch, newer], 'master', children);

    // Assess
    expect(result.masters.map((master) => [master.name, master.children.map((child) => child.name)])).toEqual([
      ['m2', ['l2', 'd2']],
      ['m1', []],
    ]);
    expect(result.others.map((other) => other.name)).toEqual(['alone']);
    expect(result.all.map((execution) => execution.name)).toEqual(['alone', 'd2', 'l2', 'm2', 'm1']);
  });
});
