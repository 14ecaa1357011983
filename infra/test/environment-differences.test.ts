import { configIniSections, getEnvironment } from '@data-pipeline/model';
import { describe, expect, it } from 'vitest';
import { type Json, metadataPath, type SynthesizedStack, synthesized } from './support/synthesized';

/** Every resource as construct path → its configuration with the environment's own name replaced by <env>. */
function normalized(stack: SynthesizedStack, env: 'dev' | 'prod'): Map<string, string> {
  const result = new Map<string, string>();
  const replace = (text: string) =>
    text
      .replaceAll(`data-pipeline-${env}`, 'data-pipeline-<env>')
      .replaceAll(`data-pipeline ${env}`, 'data-pipeline <env>')
      .replaceAll(`(${env})`, '(<env>)')
      .replaceAll(`The ${env} `, 'The <env> ')
      .replaceAll(`the ${env} `, 'the <env> ')
      .replaceAll(`"${env}"`, '"<env>"')
      .replaceAll(`\\"${env}\\"`, '\\"<env>\\"')
      .replaceAll(` ${env}:`, ' <env>:')
      .replaceAll(`data-pipeline/${env}/`, 'data-pipeline/<env>/')
      .replaceAll(new RegExp(`\\b${env}_(?=(stg_)?(dimension|fact)_db)`, 'g'), '<env>_');
  for (const [type, resources] of Object.entries(stack.json.resource)) {
    for (const config of Object.values(resources) as Json[]) {
      const { '//': _metadata, ...rest } = config;
      result.set(`${type} ${replace(metadataPath(config)).replace(/^data-pipeline-<env>\//, '')}`, replace(JSON.stringify(rest)));
    }
  }
  return result;
}

function changed<T>(a: T, b: T): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

describe('Function: dev and prod stacks', () => {
  it('returns differences exactly in the resources whose model settings differ', () => {
    // prepare
    const dev = getEnvironment('dev');
    const prod = getEnvironment('prod');
    const devResources = normalized(synthesized('dev'), 'dev');
    const prodResources = normalized(synthesized('prod'), 'prod');
    // act
    const differing = [...new Set([...devResources.keys(), ...prodResources.keys()])]
      .filter((key) => devResources.get(key) !== prodResources.get(key))
      .map((key) => key.replace(/email-.*$/, 'email-<address>'));
    // assess: what the model says differs, and where it lands
    const expected = new Set<string>();
    const withoutEnv = (env: typeof dev) =>
      configIniSections({ ...env, name: 'dev', emr: { ...env.emr, clusterName: 'x' }, bucket: 'b', tags: {} });
    if (changed(withoutEnv(dev), withoutEnv(prod))) expected.add('aws_s3_object objects/config-ini');
    if (changed(dev.schedule, prod.schedule)) expected.add('aws_cloudwatch_event_rule scheduling/rule');
    if (changed(dev.notifications, prod.notifications)) expected.add('aws_sns_topic_subscription notification/email-<address>');
    if (changed(dev.pollIntervals, prod.pollIntervals)) {
      for (const key of devResources.keys()) if (key.startsWith('aws_sfn_state_machine')) expected.add(key);
    }
    // The step concurrency is also the tables' Map concurrency, in the two table workflows.
    if (dev.emr.stepConcurrency !== prod.emr.stepConcurrency) {
      for (const key of devResources.keys()) if (/^aws_sfn_state_machine .*(dimension|fact)-process/.test(key)) expected.add(key);
    }
    const allKeys = [...new Set([...devResources.keys(), ...prodResources.keys()])];
    if (changed(dev.quicksight, prod.quicksight)) {
      for (const key of allKeys) if (key.includes(' reporting/')) expected.add(key);
    }
    if (changed(dev.access, prod.access)) {
      for (const key of allKeys) if (key.startsWith('aws_iam_role access/')) expected.add(key);
    }
    expect(new Set(differing)).toEqual(expected);
    expect(expected.size).toBeGreaterThanOrEqual(3);
  });

  it('returns the same resource set in both stacks, apart from the email subscriptions and QuickSight reporting', () => {
    const keys = (env: 'dev' | 'prod') =>
      [...normalized(synthesized(env), env).keys()]
        .filter((key) => !key.startsWith('aws_sns_topic_subscription') && !key.includes(' reporting/'))
        .sort();
    expect(keys('prod')).toEqual(keys('dev'));
  });
});
