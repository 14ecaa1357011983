import { describe, expect, it } from 'vitest';
import { environments, getEnvironment, InvalidEnvironmentError, UnknownEnvironmentError, validateEnvironment } from '../src/index';

describe('Function: getEnvironment', () => {
  it('returns the declared environment when the name is known', () => {
    // act
    const environment = getEnvironment('prod');
    // assess
    expect(environment).toBe(environments.prod);
    expect(environment.name).toBe('prod');
  });

  it('throws UnknownEnvironmentError naming the known environments when the name is unknown', () => {
    // act / assess
    expect(() => getEnvironment('qa')).toThrow(UnknownEnvironmentError);
    expect(() => getEnvironment('qa')).toThrow('unknown environment "qa": expected one of dev, prod, local');
  });
});

describe('Function: validateEnvironment', () => {
  const dev = environments.dev;

  it('returns every environment unchanged when it is valid', () => {
    // act / assess
    for (const environment of Object.values(environments)) expect(validateEnvironment(environment)).toEqual(environment);
  });

  it('throws InvalidEnvironmentError naming the field when a spot block is not a multiple of 60', () => {
    // prepare
    const input = { ...dev, emr: { ...dev.emr, spot: { ...dev.emr.spot, blockDurationMinutes: 90 } } };
    // act / assess
    expect(() => validateEnvironment(input)).toThrow(InvalidEnvironmentError);
    expect(() => validateEnvironment(input)).toThrow(/emr\.spot\.blockDurationMinutes: must be a multiple of 60/);
  });

  it('throws InvalidEnvironmentError when the cluster would have no worker', () => {
    // prepare
    const input = { ...dev, emr: { ...dev.emr, onDemandWorkers: 0, spot: { ...dev.emr.spot, workers: 0 } } };
    // act / assess
    expect(() => validateEnvironment(input)).toThrow(/needs at least one worker/);
  });

  it('throws InvalidEnvironmentError listing every problem when several fields are wrong', () => {
    // prepare
    const input = { ...dev, bucket: 'Not_A_Bucket', emr: { ...dev.emr, idleTimeoutSeconds: 30, stepConcurrency: 0 } };
    // act / assess
    expect(() => validateEnvironment(input)).toThrow(/bucket: .*emr\.idleTimeoutSeconds: .*emr\.stepConcurrency: /);
  });
});
