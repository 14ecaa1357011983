import { runSimulation } from '@cloud-copilot/iam-simulate';
import { describe, expect, it } from 'vitest';
import { PERSON_ROLES, peopleGrants } from '../src/access/people-grants';
import {
  commonLambdaGrants,
  emrInstanceRoleGrants,
  emrServiceRoleGrants,
  type Grant,
  lambdaGrants,
  scheduleGrants,
  stateMachineGrants,
} from '../src/security/permissions';
import { actionsWithoutResourceTypes } from '../src/security/policy-document';

/** The simulator's catalogue of IAM actions (from AWS's Service Authorization Reference) checks the actions the tables name. */

async function simulateOnEverything(action: string) {
  return runSimulation(
    {
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        action,
        principal: 'arn:aws:iam::123456789012:role/probe',
        resource: { accountId: '123456789012', resource: '*' },
        contextVariables: {},
      },
    },
    {},
  );
}

const tables: Grant<never>[][] = [
  ...PERSON_ROLES.map((role) => peopleGrants[role]),
  ...Object.values(lambdaGrants),
  commonLambdaGrants,
  emrServiceRoleGrants,
  emrInstanceRoleGrants,
  stateMachineGrants([]),
  scheduleGrants(''),
];
const tableActions = [...new Set(tables.flat().flatMap((grant) => grant.actions))].sort();

describe('Function: IAM action catalogue', () => {
  it.each(tableActions)('returns %s as an action IAM knows', async (action) => {
    // act
    const result = await simulateOnEverything(action);
    // assess
    expect(result.resultType, JSON.stringify(result)).not.toBe('error');
  });

  it.each(Object.keys(actionsWithoutResourceTypes))(
    'returns %s as an action without a resource type (so "*" is its only resource)',
    async (action) => {
      // act
      const result = await simulateOnEverything(action);
      // assess: a single result on "*"; an action with resource types is matched per resource pattern instead
      expect(result.resultType).toBe('single');
    },
  );

  it('throws no error but reports an unknown action as an error result', async () => {
    // act
    const result = await simulateOnEverything('s3:GetObjekt');
    // assess
    expect(result.resultType).toBe('error');
  });
});
