// A child added to the registry is one entry: the Master starts it in its place with the entry's input,
// every caller's references ask for its state machine, and the success message names its execution.
import { describe, expect, it, vi } from 'vitest';
import { validateReferences } from '../src/references';
import { placeholderStateMachineArn, sampleReferences } from '../src/sample-references';
import { childResultPath } from '../src/workflows/master';
import { type ChildWorkflowEntry, childStates, type WorkflowEntry } from '../src/workflows/registry';
import { FakeCloud } from './support/fake-cloud';

const EXTRA = 'refresh-extracts';

vi.mock('../src/workflows/registry', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/workflows/registry')>();
  const { childStatesOf, master } = await import('../src/workflows/master');
  // A sixth child that does what Add EMR Workers does, started after Fact Process with an input of its own.
  const extra: ChildWorkflowEntry = {
    id: 'refresh-extracts',
    title: 'Refresh Extracts',
    build: (refs) => original.childWorkflow('add-emr-workers').build(refs),
    input: { Mode: 'full' },
  };
  const children = [...original.CHILD_WORKFLOWS];
  children.splice(4, 0, extra as never);
  const masterWorkflow: WorkflowEntry = { ...original.MASTER_WORKFLOW, build: (refs) => master(refs, children) };
  const workflows: WorkflowEntry[] = [masterWorkflow, ...children];
  const childOf = (id: string) => children.find((child) => child.id === id);
  return {
    ...original,
    MASTER_WORKFLOW: masterWorkflow,
    CHILD_WORKFLOWS: children,
    CHILD_WORKFLOW_IDS: children.map((child) => child.id),
    WORKFLOWS: workflows,
    WORKFLOW_IDS: workflows.map((workflow) => workflow.id),
    WORKFLOW_TITLES: Object.fromEntries(workflows.map((workflow) => [workflow.id, workflow.title])),
    childWorkflow: childOf,
    childStates: (id: string) => childStatesOf(childOf(id)?.title ?? id),
    isChildWorkflow: (id: string) => childOf(id) !== undefined,
  };
});

const refs = sampleReferences();

describe('Function: the child-workflow registry', () => {
  it('returns references that name the added child state machine', () => {
    // Act
    const arn = (refs.stateMachines as Record<string, string>)[EXTRA];

    // Assess
    expect(arn).toBe(placeholderStateMachineArn(EXTRA as never));
  });

  it('throws naming the added child when its state machine is missing from the references', () => {
    // Prepare
    const { [EXTRA]: _, ...others } = refs.stateMachines as Record<string, string>;

    // Act
    const act = () => validateReferences({ ...refs, stateMachines: others as never });

    // Assess
    expect(act).toThrow(`stateMachines.${EXTRA} is missing`);
  });

  it('returns SUCCESS from a Master that starts the added child in its place, with its input, and names it in the message', async () => {
    // Prepare
    const cloud = new FakeCloud(refs, { childPolls: 0 });

    // Act
    const result = await cloud.run('master', {});

    // Assess
    expect(result.status).toBe('SUCCEEDED');
    expect(cloud.started()).toEqual([
      'launch-emr-cluster',
      'dimension-process',
      'add-emr-workers',
      'fact-process',
      EXTRA,
      'terminate-emr-cluster',
    ]);
    expect(cloud.calls('submit-stepfunction')[4]?.input).toEqual({
      nextStateMachineArn: placeholderStateMachineArn(EXTRA as never),
      Mode: 'full',
    });
    const extraArn = cloud.executions[4]?.arn;
    expect(result.output).toMatchObject({ refreshExtracts: { executionArn: extraArn, Status: 'SUCCESS' } });
    expect(childResultPath(EXTRA as never)).toBe('$.children.refreshExtracts');
    expect(result.visited).toContain(childStates(EXTRA as never).start);
    expect(String(cloud.messages[0]?.Message)).toContain(`, Refresh Extracts ${extraArn}, Terminate EMR Cluster `);
  });
});
