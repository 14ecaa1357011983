import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** The synthesized Terraform JSON of a stack, and helpers to read it. */

export type Json = Record<string, unknown>;
export type Resources = Record<string, Record<string, Json>>;

export interface SynthesizedStack {
  name: string;
  dir: string;
  json: { resource: Resources; data: Resources; output: Record<string, Json>; provider: Record<string, Json[]>; terraform: Json };
}

const cache = new Map<string, SynthesizedStack>();

export function stackDir(env: 'dev' | 'prod', synthDir = inject('synthDir')): string {
  return join(synthDir, 'stacks', `data-pipeline-${env}`);
}

export function readStack(dir: string, name = dir): SynthesizedStack {
  const known = cache.get(dir);
  if (known) return known;
  const stack = { name, dir, json: JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')) };
  cache.set(dir, stack);
  return stack;
}

export function synthesized(env: 'dev' | 'prod'): SynthesizedStack {
  return readStack(stackDir(env), `data-pipeline-${env}`);
}

export function resourcesOf(stack: SynthesizedStack, type: string): Record<string, Json> {
  return stack.json.resource[type] ?? {};
}

/** The one resource of a type whose construct path ends with the suffix. */
export function resourceAt(stack: SynthesizedStack, type: string, pathSuffix: string): { id: string; config: Json } {
  const matches = Object.entries(resourcesOf(stack, type)).filter(([, config]) => metadataPath(config).endsWith(pathSuffix));
  if (matches.length !== 1) throw new Error(`${type} at …${pathSuffix}: ${matches.length} matches in ${stack.name}`);
  const [id, config] = matches[0] as [string, Json];
  return { id, config };
}

export function metadataPath(config: Json): string {
  return ((config['//'] as Json | undefined)?.metadata as Json | undefined)?.path as string;
}

/** `${aws_x.id.attr}` of a resource. */
export function ref(type: string, id: string, attribute: string): string {
  return `\${${type}.${id}.${attribute}}`;
}

export interface Statement {
  Sid: string;
  Effect: string;
  Action: string[] | string;
  Resource?: string[] | string;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export function parsePolicy(text: unknown): { Statement: Statement[] } {
  return JSON.parse(String(text));
}

export const asList = (value: string[] | string | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
