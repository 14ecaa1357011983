import { runSimulation } from '@cloud-copilot/iam-simulate';

/**
 * One request decided as AWS does (@cloud-copilot/iam-simulate: explicit Deny wins, then an Allow of the identity's
 * or the resource's policy), in a fixed account. Used by the tests and by the README's access table.
 */

export const ACCOUNT = '111111111111';
export const REGION = 'us-east-1';

export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';
export type ContextValues = Record<string, string | string[]>;

export interface PolicyJson {
  Version: string;
  Statement: object[];
}

export interface EvaluatedRequest {
  principal: string;
  action: string;
  resource: string;
  context?: ContextValues;
}

export interface Policies {
  identity: PolicyJson[];
  /** The resource's own policy (the bucket's, the key's, a trust policy), when it has one. */
  resource?: PolicyJson;
}

/** The decision on the request; throws when the simulator rejects it (unknown action, resource of the wrong type). */
export async function decide(policies: Policies, request: EvaluatedRequest): Promise<Decision> {
  const result = await runSimulation(
    {
      identityPolicies: policies.identity.map((policy, index) => ({ name: `policy${index}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(policies.resource ? { resourcePolicy: policies.resource } : {}),
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: ACCOUNT },
        contextVariables: { 'aws:SecureTransport': 'true', 'aws:PrincipalArn': request.principal, ...request.context },
      },
    } as Parameters<typeof runSimulation>[0],
    {},
  );
  if (result.resultType === 'error') {
    throw new Error(`the simulator rejects ${request.action} on ${request.resource}: ${JSON.stringify(result.errors)}`);
  }
  return result.overallResult as Decision;
}
