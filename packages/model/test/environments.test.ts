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

describe('Function: validateEnvironment (people access and QuickSight)', () => {
  const prod = environments.prod;

  it('returns the roles’ principals and permission sets when they are valid', () => {
    // prepare
    const access = {
      analyst: { ssoPermissionSets: ['DataAnalyst'] },
      dataEngineer: { principals: ['arn:aws:iam::123456789012:role/engineers'] },
      operator: { principals: ['arn:aws:iam::123456789012:root'], ssoPermissionSets: ['Operations'] },
    };
    // act
    const environment = validateEnvironment({ ...prod, access });
    // assess
    expect(environment.access).toEqual(access);
  });

  it('throws InvalidEnvironmentError naming the field when a principal is not an IAM ARN', () => {
    // prepare
    const input = { ...prod, access: { operator: { principals: ['123456789012'] } } };
    // act / assess
    expect(() => validateEnvironment(input)).toThrow(/access\.operator\.principals\.0: must be an IAM principal ARN/);
  });

  it('throws InvalidEnvironmentError naming the field when a permission set name is too long', () => {
    // prepare
    const input = { ...prod, access: { analyst: { ssoPermissionSets: ['x'.repeat(33)] } } };
    // act / assess
    expect(() => validateEnvironment(input)).toThrow(/access\.analyst\.ssoPermissionSets\.0: must be an IAM Identity Center/);
  });

  it('throws InvalidEnvironmentError naming the field when QuickSight has no group', () => {
    // prepare
    const input = { ...prod, quicksight: { enabled: true, group: '' } };
    // act / assess
    expect(() => validateEnvironment(input)).toThrow(/quicksight\.group: must be a QuickSight group name/);
  });

  it('throws InvalidEnvironmentError naming the field when the QuickSight identity region is not a region', () => {
    // prepare
    const input = { ...prod, quicksight: { enabled: true, group: 'readers', identityRegion: 'Virginia' } };
    // act / assess
    expect(() => validateEnvironment(input)).toThrow(/quicksight\.identityRegion: must be an AWS region/);
  });

  it('returns QuickSight on in prod and off in dev and local', () => {
    // act / assess
    expect(environments.prod.quicksight?.enabled).toBe(true);
    expect(environments.dev.quicksight?.enabled).toBe(false);
    expect(environments.local.quicksight?.enabled ?? false).toBe(false);
  });
});
