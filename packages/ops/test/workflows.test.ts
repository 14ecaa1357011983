import { getEnvironment } from '@data-pipeline/model';
import { describe, expect, it } from 'vitest';
import { workflowCatalog } from '../src/workflows/catalog';
import { arnOf } from './support/mocked';

const ARNS = {
  master: arnOf('dev', 'master'),
  'launch-emr-cluster': arnOf('dev', 'launch-emr-cluster'),
  'dimension-process': arnOf('dev', 'dimension-process'),
  'add-emr-workers': arnOf('dev', 'add-emr-workers'),
  'fact-process': arnOf('dev', 'fact-process'),
  'terminate-emr-cluster': arnOf('dev', 'terminate-emr-cluster'),
};

describe('Function: workflowCatalog', () => {
  it('returns, for each child, the input the Master starts it with: its own state machine ARN', () => {
    // Act
    const catalog = workflowCatalog(getEnvironment('dev'), ARNS);

    // Assess
    expect(Object.fromEntries(catalog.map((workflow) => [workflow.id, workflow.input]))).toEqual({
      master: {},
      'launch-emr-cluster': { nextStateMachineArn: ARNS['launch-emr-cluster'] },
      'dimension-process': { nextStateMachineArn: ARNS['dimension-process'] },
      'add-emr-workers': { nextStateMachineArn: ARNS['add-emr-workers'] },
      'fact-process': { nextStateMachineArn: ARNS['fact-process'] },
      'terminate-emr-cluster': { nextStateMachineArn: ARNS['terminate-emr-cluster'] },
    });
  });

  it('returns the workflows that need the recorded cluster and the one that launches a cluster, from their definitions', () => {
    // Act
    const catalog = workflowCatalog(getEnvironment('dev'), ARNS);

    // Assess
    expect(catalog.filter((workflow) => workflow.needsCluster).map((workflow) => workflow.id)).toEqual([
      'dimension-process',
      'add-emr-workers',
      'fact-process',
    ]);
    expect(catalog.filter((workflow) => workflow.launchesCluster).map((workflow) => workflow.id)).toEqual(['launch-emr-cluster']);
    expect(catalog.filter((workflow) => !workflow.child).map((workflow) => workflow.id)).toEqual(['master']);
    expect(catalog.map((workflow) => workflow.stateMachineName)).toEqual(Object.values(ARNS).map((arn) => arn.split(':').pop()));
  });
});
