import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  type ContextValues,
  type Decision,
  decide,
  type PolicyJson,
  policyAt,
  resolveReferences,
} from './support/policy-evaluation';
import { type Json, metadataPath, resourcesOf, synthesized } from './support/synthesized';

/**
 * The bucket's and the key's policies and the role policies agree: every Allow of every role policy of both
 * stacks takes effect for its role, on a resource of each pattern it names, once the bucket's or key's
 * policy is weighed too (no grant that a Deny of the bucket silently takes away, no grant of nothing).
 */

interface Probe {
  where: string;
  policy: PolicyJson;
  principal: string;
  action: string;
  resource: string;
  context: ContextValues;
}

/** A resource the pattern matches (a log group's ":*" stands for its streams). */
function sample(pattern: string): string {
  if (pattern === '*') return pattern;
  if (/^arn:aws:logs:.*:log-group:[^:]+:\*$/.test(pattern)) return pattern.replace(/:\*$/, ':log-stream:probe');
  return pattern.replaceAll('*', 'probe');
}

/** A request context that meets the statement's conditions: the first value of each key, wildcards filled in. */
function contextMeeting(condition: Record<string, Record<string, unknown>> | undefined): ContextValues {
  const context: ContextValues = {};
  for (const keys of Object.values(condition ?? {})) {
    for (const [key, value] of Object.entries(keys)) {
      const first = Array.isArray(value) ? value[0] : value;
      context[key] = sample(String(first));
    }
  }
  return context;
}

function probesOf(env: 'dev' | 'prod'): Probe[] {
  const stack = synthesized(env);
  const probes: Probe[] = [];
  for (const config of Object.values(resourcesOf(stack, 'aws_iam_role_policy')) as Json[]) {
    const where = metadataPath(config);
    const roleName = resolveReferences(stack, String(config.role));
    const principal = `arn:aws:iam::${ACCOUNT}:role/${roleName}`;
    const policy = JSON.parse(resolveReferences(stack, String(config.policy))) as PolicyJson;
    for (const statement of policy.Statement as Json[]) {
      const context = contextMeeting(statement.Condition as Record<string, Record<string, unknown>> | undefined);
      for (const action of statement.Action as string[]) {
        for (const resource of statement.Resource as string[])
          probes.push({ where, policy, principal, action, resource: sample(resource), context });
      }
    }
  }
  return probes;
}

describe('Function: every role policy against the bucket and key policies', () => {
  it.each(['dev', 'prod'] as const)('returns every granted action allowed on its resources in %s', async (env) => {
    // prepare
    const stack = synthesized(env);
    const bucket = policyAt(stack, 'aws_s3_bucket_policy', 'storage/policy');
    const key = policyAt(stack, 'aws_kms_key', 'security/key');
    const probes = probesOf(env);
    // act
    const refused: string[] = [];
    const effective = new Set<string>();
    for (const probe of probes) {
      const resourcePolicy = probe.resource.startsWith('arn:aws:s3:::')
        ? bucket
        : probe.resource.startsWith('arn:aws:kms:')
          ? key
          : undefined;
      let decision: Decision;
      try {
        decision = await decide(
          { identity: [probe.policy], ...(resourcePolicy ? { resource: resourcePolicy } : {}) },
          { principal: probe.principal, action: probe.action, resource: probe.resource, context: probe.context },
        );
      } catch (error) {
        // A statement may name resources of several types for several actions (Glue: catalog, database, table);
        // a pair whose resource is not a type of the action grants nothing and is not asked.
        if (String(error).includes('no.resource.types')) continue;
        throw error;
      }
      if (decision === 'Allowed') effective.add(`${probe.where}: ${probe.action}`);
      else refused.push(`${probe.where}: ${probe.action} on ${probe.resource} → ${decision}`);
    }
    const granted = new Set(probes.map((probe) => `${probe.where}: ${probe.action}`));
    // assess
    expect(probes.length).toBeGreaterThan(300);
    expect(refused).toEqual([]);
    expect([...granted].filter((grant) => !effective.has(grant))).toEqual([]);
  });
});
