import { describe, expect, it } from 'vitest';
import { type Decision, decide, policyAt } from './support/policy-evaluation';
import { probesOf } from './support/policy-probes';
import { synthesized } from './support/synthesized';

/**
 * The bucket's and the key's policies and the role policies agree: every Allow of every role policy of both
 * stacks takes effect for its role, on a resource of each pattern it names, once the bucket's or key's
 * policy is weighed too (no grant that a Deny of the bucket silently takes away, no grant of nothing).
 */

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
