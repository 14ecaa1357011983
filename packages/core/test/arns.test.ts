import { describe, expect, it } from 'vitest';
import { isStateMachineArn, regionOfArn, stateMachineArnOfExecution, stateMachineNameOf, unqualifiedStateMachineArn } from '../src/index';

const machine = 'arn:aws:states:eu-west-1:123456789012:stateMachine:data-pipeline-dev-master';
const execution = 'arn:aws:states:eu-west-1:123456789012:execution:data-pipeline-dev-master:master_20250307060000_aaaaaaaa';

describe('Function: isStateMachineArn', () => {
  it.each([
    [machine],
    [`${machine}:3`],
    [`${machine}:prod`],
    ['arn:aws-us-gov:states:us-gov-west-1:123456789012:stateMachine:data-pipeline-dev-master'],
  ])('returns true for %s', (arn) => {
    // Act
    const accepted = isStateMachineArn(arn);

    // Assess
    expect(accepted).toBe(true);
  });

  it.each([
    ['a name', 'data-pipeline-dev-master'],
    ['an execution ARN', execution],
    ['a doubly qualified ARN', `${machine}:prod:3`],
    ['a short account', 'arn:aws:states:eu-west-1:1234:stateMachine:data-pipeline-dev-master'],
    ['another service', 'arn:aws:lambda:eu-west-1:123456789012:function:data-pipeline-dev-master'],
  ])('returns false for %s', (_what, value) => {
    // Act
    const accepted = isStateMachineArn(value);

    // Assess
    expect(accepted).toBe(false);
  });
});

describe('Function: regionOfArn', () => {
  it('returns the region of a state machine, execution or topic ARN', () => {
    // Act
    const regions = [machine, execution, 'arn:aws:sns:us-east-1:123456789012:alerts'].map(regionOfArn);

    // Assess
    expect(regions).toEqual(['eu-west-1', 'eu-west-1', 'us-east-1']);
  });

  it('returns an empty string for a value that is not an ARN', () => {
    // Act
    const region = regionOfArn('data-pipeline-dev-master');

    // Assess
    expect(region).toBe('');
  });
});

describe('Function: stateMachineNameOf', () => {
  it('returns the state machine name of an unqualified, a qualified and an execution ARN', () => {
    // Act
    const names = [machine, `${machine}:3`, `${machine}:prod`, execution].map(stateMachineNameOf);

    // Assess
    expect(names).toEqual(Array(4).fill('data-pipeline-dev-master'));
  });
});

describe('Function: unqualifiedStateMachineArn', () => {
  it('returns the ARN without its version or alias and an unqualified ARN as it is', () => {
    // Act
    const arns = [`${machine}:3`, `${machine}:prod`, machine].map(unqualifiedStateMachineArn);

    // Assess
    expect(arns).toEqual([machine, machine, machine]);
  });
});

describe('Function: stateMachineArnOfExecution', () => {
  it('returns the state machine ARN of an execution ARN', () => {
    // Act
    const arn = stateMachineArnOfExecution(execution);

    // Assess
    expect(arn).toBe(machine);
  });
});
