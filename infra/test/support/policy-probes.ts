import { ACCOUNT, type ContextValues, type PolicyJson, resolveReferences } from './policy-evaluation';
import { type Json, metadataPath, resourcesOf, synthesized } from './synthesized';

/** One request a role policy grants: a resource of each pattern it names, under conditions it meets. */
export interface Probe {
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

/** Every (action, resource) pair of every role policy of a stack. */
export function probesOf(env: 'dev' | 'prod'): Probe[] {
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
