import { describe, expect, it } from 'vitest';
import { type Decision, decide } from './support/policy-evaluation';
import { type Probe, probesOf } from './support/policy-probes';

/**
 * dev and prod in one account: what a role of one environment is granted, asked of the other environment's
 * resource of the same kind (its bucket, Glue databases and tables, state machines, topic, log groups,
 * clusters tagged with its environment), is denied. Resources that are the account's, not an environment's
 * (the Glue catalog, "*"-only actions), and the KMS key (the simulator names both stacks' keys alike) are left out.
 */

type Env = 'dev' | 'prod';

/** The text with every name of `from` changed to the same name of `to`. */
function translated(text: string, from: Env, to: Env): string {
  return text
    .replaceAll(`data-pipeline-${from}-`, `data-pipeline-${to}-`)
    .replace(new RegExp(`\\b${from}_((stg_)?(dimension|fact)_db)`, 'g'), `${to}_$1`)
    .replace(new RegExp(`^${from}$`), to);
}

function otherEnvironmentProbe(probe: Probe, from: Env, to: Env): Probe | undefined {
  if (probe.resource === '*' || probe.resource.startsWith('arn:aws:kms:')) return undefined;
  const resource = translated(probe.resource, from, to);
  const context = Object.fromEntries(Object.entries(probe.context).map(([key, value]) => [key, translated(String(value), from, to)]));
  const changed = resource !== probe.resource || JSON.stringify(context) !== JSON.stringify(probe.context);
  return changed ? { ...probe, resource, context } : undefined;
}

describe('Function: role policies across environments', () => {
  it.each([
    ['dev', 'prod'],
    ['prod', 'dev'],
  ] as const)('returns every grant of a %s role denied on the same resource of %s', async (from, to) => {
    // prepare
    const probes = probesOf(from)
      .map((probe) => otherEnvironmentProbe(probe, from, to))
      .filter((probe): probe is Probe => probe !== undefined);
    // act
    const allowed: string[] = [];
    for (const probe of probes) {
      let decision: Decision;
      try {
        decision = await decide(
          { identity: [probe.policy] },
          { principal: probe.principal, action: probe.action, resource: probe.resource, context: probe.context },
        );
      } catch (error) {
        if (String(error).includes('no.resource.types')) continue;
        throw error;
      }
      if (decision === 'Allowed') allowed.push(`${probe.where}: ${probe.action} on ${probe.resource}`);
    }
    // assess
    const services = new Set(probes.map((probe) => probe.resource.split(':')[2]));
    expect(probes.length).toBeGreaterThan(200);
    expect([...services].sort()).toEqual(expect.arrayContaining(['elasticmapreduce', 'glue', 'iam', 'logs', 's3', 'sns', 'states']));
    expect(allowed).toEqual([]);
  });
});
