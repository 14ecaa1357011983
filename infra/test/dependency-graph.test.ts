import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LAMBDA_NAMES } from '@data-pipeline/asl';
import { describe, expect, it } from 'vitest';
import { lambdaNames } from '../src/compute/lambdas';
import { type Json, type SynthesizedStack, synthesized } from './support/synthesized';

/** Resource address → the resource addresses its configuration references (Terraform's dependency graph). */
function graphOf(stack: SynthesizedStack): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [type, resources] of Object.entries(stack.json.resource)) {
    for (const [id, config] of Object.entries(resources) as [string, Json][]) {
      const text = JSON.stringify(config);
      const targets = new Set<string>();
      for (const match of text.matchAll(/\$\{(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)[.}]/g)) targets.add(`${match[1]}.${match[2]}`);
      for (const dependency of (config.depends_on as string[] | undefined) ?? []) targets.add(dependency);
      graph.set(`${type}.${id}`, targets);
    }
  }
  // Data sources are read by the plan; they reference nothing of the stack's, and resources may depend on them.
  for (const [type, sources] of Object.entries(stack.json.data ?? {})) {
    for (const id of Object.keys(sources)) graph.set(`data.${type}.${id}`, new Set());
  }
  return graph;
}

/** A cycle of the graph as a list of addresses, or undefined (Terraform refuses a configuration with one). */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'visiting');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('Function: resource dependency graph', () => {
  it.each(['dev', 'prod'] as const)('returns no reference cycle and no reference to a missing resource in %s', (env) => {
    const graph = graphOf(synthesized(env));
    expect(findCycle(graph)).toBeUndefined();
    const missing = [...graph.values()].flatMap((targets) => [...targets]).filter((target) => !graph.has(target));
    expect(missing).toEqual([]);
  });

  it('returns a cycle when one is there', () => {
    const graph = new Map([
      ['a.x', new Set(['b.y'])],
      ['b.y', new Set(['a.x'])],
    ]);
    expect(findCycle(graph)).toEqual(['a.x', 'b.y', 'a.x']);
  });
});

describe('Function: lambdaNames', () => {
  it('returns the Lambdas the workflows invoke and the packages under packages/lambdas', () => {
    const packages = readdirSync(fileURLToPath(new URL('../../packages/lambdas/', import.meta.url))).sort();
    expect([...lambdaNames].sort()).toEqual([...LAMBDA_NAMES].sort());
    expect([...lambdaNames].sort()).toEqual(packages);
  });
});
