import { join } from 'node:path';
import { getEnvironment, topicName } from '@data-pipeline/model';
import { Testing } from 'cdktf';
import { describe, expect, inject, it } from 'vitest';
import { getDeploymentSettings } from '../src/deployment';
import { DataPipelineStack } from '../src/stack';
import { namedTypes, physicalNames, unnamedTypes } from './support/physical-names';
import { type Json, readStack, resourcesOf, type SynthesizedStack, synthesized } from './support/synthesized';

const bootstrap = (env: 'dev' | 'prod') => readStack(join(inject('synthDir'), 'stacks', `data-pipeline-bootstrap-${env}`));

/** Both environments' stacks, pipeline and bootstrap. */
const stacksOf = (env: 'dev' | 'prod'): SynthesizedStack[] => [synthesized(env), bootstrap(env)];

/** dev with QuickSight reporting on (off in the examples), so the reporting names are compared too. */
function devWithReporting(): SynthesizedStack {
  const dev = getEnvironment('dev');
  const app = Testing.app();
  const lambdasRoot = process.env.DATA_PIPELINE_LAMBDAS_ROOT;
  const stack = new DataPipelineStack(app, 'data-pipeline-dev', {
    environment: { ...dev, quicksight: { enabled: true, group: 'data-pipeline-readers' } },
    deployment: getDeploymentSettings('dev'),
    ...(lambdasRoot ? { lambdasRoot } : {}),
  });
  return { name: 'data-pipeline-dev (reporting on)', dir: '', json: JSON.parse(Testing.synth(stack)) };
}

describe('Function: physical names of dev and prod', () => {
  it('returns every resource type of both stacks classified as named or as living inside a named resource', () => {
    // act
    const types = new Set([...stacksOf('dev'), ...stacksOf('prod')].flatMap((stack) => Object.keys(stack.json.resource)));
    const unclassified = [...types].filter((type) => !(type in namedTypes) && !unnamedTypes.has(type));
    // assess
    expect(unclassified).toEqual([]);
  });

  it('returns no physical name shared by dev and prod when both deploy to one account and region', () => {
    // prepare
    const [dev, prod] = [getEnvironment('dev'), getEnvironment('prod')];
    expect([dev.account, dev.region]).toEqual([prod.account, prod.region]);
    // act
    const devNames = new Set([...stacksOf('dev'), devWithReporting()].flatMap(physicalNames));
    const prodNames = stacksOf('prod').flatMap(physicalNames);
    const shared = prodNames.filter((name) => devNames.has(name));
    // assess
    expect(shared).toEqual([]);
    expect(prodNames.length).toBeGreaterThan(100);
  });

  it('returns no physical name twice within one stack', () => {
    // act
    const repeated = [...stacksOf('dev'), ...stacksOf('prod')].flatMap((stack) => {
      const names = physicalNames(stack);
      return names.filter((name, index) => names.indexOf(name) !== index).map((name) => `${stack.name}: ${name}`);
    });
    // assess
    expect(repeated).toEqual([]);
  });

  it.each(['dev', 'prod'] as const)('returns every bucket of %s with the environment and its nameSuffix in its name', (env) => {
    // prepare
    const { nameSuffix } = getEnvironment(env);
    // act
    const buckets = stacksOf(env).flatMap((stack) =>
      Object.values(resourcesOf(stack, 'aws_s3_bucket')).map((bucket: Json) => String(bucket.bucket)),
    );
    // assess
    expect(nameSuffix).toBeTruthy();
    expect(buckets).toHaveLength(2);
    for (const bucket of buckets) {
      expect(bucket).toContain(`data-pipeline-${env}-`);
      expect(bucket.endsWith(`-${nameSuffix}`), bucket).toBe(true);
    }
  });

  it.each(['dev', 'prod'] as const)('returns Glue databases and tables of %s all named after the environment', (env) => {
    // act
    const names = physicalNames(synthesized(env)).filter((name) => name.startsWith('aws_glue_catalog_'));
    // assess
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(name).toMatch(new RegExp(`^aws_glue_catalog_(database|table) ${env}_`));
  });

  it.each(['dev', 'prod'] as const)(
    'returns the notification topic of %s under the model’s topicName, the name the local mode uses',
    (env) => {
      // act
      const topics = Object.values(resourcesOf(synthesized(env), 'aws_sns_topic')).map((topic: Json) => topic.name);
      // assess
      expect(topics).toEqual([topicName({ name: env })]);
      expect(topics).toEqual([`data-pipeline-${env}-notifications`]);
    },
  );
});
