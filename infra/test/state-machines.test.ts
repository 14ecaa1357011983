import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allStates, WORKFLOW_IDS } from '@data-pipeline/asl';
import { getEnvironment } from '@data-pipeline/model';
import { describe, expect, it } from 'vitest';
import { asList, type Json, metadataPath, parsePolicy, resourcesOf, synthesized } from './support/synthesized';

const aslDefinitions = fileURLToPath(new URL('../../asl/definitions/', import.meta.url));

/** Construct id of an alias reference: ${aws_lambda_alias.<id>.arn} → the Lambda it belongs to (compute/<lambda>/alias). */
function lambdaOfAliasRef(env: 'dev' | 'prod', reference: string): string | undefined {
  const id = /^\$\{aws_lambda_alias\.([^.]+)\.arn\}$/.exec(reference)?.[1];
  const alias = id ? resourcesOf(synthesized(env), 'aws_lambda_alias')[id] : undefined;
  return alias ? metadataPath(alias).split('/').at(-2) : undefined;
}

function workflowOfMachineRef(env: 'dev' | 'prod', reference: string): string | undefined {
  const id = /^\$\{aws_sfn_state_machine\.([^.]+)\.arn\}$/.exec(reference)?.[1];
  const machine = id ? resourcesOf(synthesized(env), 'aws_sfn_state_machine')[id] : undefined;
  return machine ? metadataPath(machine).split('/').at(-1) : undefined;
}

function machines(env: 'dev' | 'prod') {
  return Object.entries(resourcesOf(synthesized(env), 'aws_sfn_state_machine')).map(([id, config]) => ({
    id,
    config,
    workflow: metadataPath(config).split('/').at(-1) as string,
    definition: JSON.parse(String(config.definition)),
  }));
}

/** The committed definition (placeholder ARNs: …:function:<lambda>:live, …:stateMachine:data-pipeline-<workflow>). */
function committed(workflow: string) {
  return JSON.parse(readFileSync(join(aslDefinitions, `${workflow}.asl.json`), 'utf8'));
}

describe('Function: state machines', () => {
  it.each(['dev', 'prod'] as const)('returns the six workflows named data-pipeline-%s-<workflow>', (env) => {
    const found = machines(env);
    expect(found.map((machine) => machine.workflow).sort()).toEqual([...WORKFLOW_IDS].sort());
    for (const machine of found) expect(machine.config.name).toBe(`data-pipeline-${env}-${machine.workflow}`);
  });

  it.each(['dev', 'prod'] as const)('returns every Task invoking the alias of the Lambda the committed definition names (%s)', (env) => {
    for (const machine of machines(env)) {
      const expected = Object.fromEntries(
        allStates(committed(machine.workflow))
          .filter(({ state }) => state.Type === 'Task')
          .map(({ name, state }) => [name, /:function:([a-z0-9-]+):live$/.exec((state as { Resource: string }).Resource)?.[1]]),
      );
      const actual = Object.fromEntries(
        allStates(machine.definition)
          .filter(({ state }) => state.Type === 'Task')
          .map(({ name, state }) => [name, lambdaOfAliasRef(env, (state as { Resource: string }).Resource)]),
      );
      expect(Object.keys(actual).length).toBeGreaterThan(0);
      expect(actual, machine.workflow).toEqual(expected);
    }
  });

  it.each(['dev', 'prod'] as const)('returns the child state machines the committed definitions start, as references (%s)', (env) => {
    const childrenOf = (definition: unknown, resolve: (value: string) => string | undefined) => {
      const found: string[] = [];
      JSON.stringify(definition, (_key, value) => {
        if (typeof value === 'string') {
          const workflow = resolve(value);
          if (workflow) found.push(workflow);
        }
        return value;
      });
      return found.sort();
    };
    for (const machine of machines(env)) {
      const expected = childrenOf(committed(machine.workflow), (value) => /:stateMachine:data-pipeline-([a-z-]+)$/.exec(value)?.[1]);
      const actual = childrenOf(machine.definition, (value) => workflowOfMachineRef(env, value));
      expect(actual, machine.workflow).toEqual(expected);
      expect(actual).not.toContain(machine.workflow);
    }
    const master = machines(env).find((machine) => machine.workflow === 'master');
    expect(new Set(childrenOf(master?.definition, (value) => workflowOfMachineRef(env, value)))).toEqual(
      new Set(WORKFLOW_IDS.filter((workflow) => workflow !== 'master')),
    );
  });

  it.each(['dev', 'prod'] as const)('returns the environment’s poll intervals in the Wait states (%s)', (env) => {
    const intervals = new Set(Object.values(getEnvironment(env).pollIntervals));
    for (const machine of machines(env)) {
      for (const { state } of allStates(machine.definition)) {
        if (state.Type === 'Wait') expect(intervals.has((state as { Seconds: number }).Seconds), machine.workflow).toBe(true);
      }
    }
  });

  it('returns roles that may invoke only the aliases of their own definition, with logging and tracing on', () => {
    const stack = synthesized('prod');
    for (const machine of machines('prod')) {
      const usedAliases = new Set(
        allStates(machine.definition)
          .filter(({ state }) => state.Type === 'Task')
          .map(({ state }) => (state as { Resource: string }).Resource),
      );
      const policy = Object.values(resourcesOf(stack, 'aws_iam_role_policy')).find((config) =>
        metadataPath(config).endsWith(`orchestration/${machine.workflow}-role/policy`),
      ) as Json;
      const statements = parsePolicy(policy.policy).Statement;
      const invoke = statements.filter((statement) => asList(statement.Action).includes('lambda:InvokeFunction'));
      expect(new Set(invoke.flatMap((statement) => asList(statement.Resource)))).toEqual(usedAliases);
      expect(statements.flatMap((statement) => asList(statement.Action)).some((action) => action.startsWith('states:'))).toBe(false);
      expect(machine.config.tracing_configuration).toEqual({ enabled: true });
      expect((machine.config.logging_configuration as Json).level).toBe('ALL');
      expect(String((machine.config.logging_configuration as Json).log_destination)).toMatch(
        /^\$\{aws_cloudwatch_log_group\..+\.arn\}:\*$/,
      );
    }
  });
});
