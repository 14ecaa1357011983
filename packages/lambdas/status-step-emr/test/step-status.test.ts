import { DescribeStepCommand, EMRClient } from '@aws-sdk/client-emr';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { stepStatus } from '../src/step-status';

const emrMock = mockClient(EMRClient);

function givenLogger() {
  return { info: vi.fn(), warn: vi.fn() };
}

describe('Function: stepStatus', () => {
  beforeEach(() => {
    emrMock.reset();
  });

  it('returns ERROR and logs the failure reason, message and log file when the step FAILED', async () => {
    // Prepare
    emrMock.on(DescribeStepCommand).resolves({
      Step: {
        Id: 's-1STEP',
        Name: 'Load sample_country_dim',
        Status: {
          State: 'FAILED',
          FailureDetails: {
            Reason: 'Unknown error.',
            Message: 'FAILED: SemanticException [Error 10001]: Table not found stg_dimension_db.sample_country_dim',
            LogFile: 's3://bucket/emr-logs/j-1ABC/steps/s-1STEP/stderr.gz',
          },
        },
      },
    });
    const logger = givenLogger();

    // Act
    const result = await stepStatus(new EMRClient({ region: 'eu-west-1' }), 'j-1ABC', 's-1STEP', logger);

    // Assess
    expect(result.Status).toBe('ERROR');
    expect(logger.warn).toHaveBeenCalledWith('EMR step did not complete', {
      name: 'Load sample_country_dim',
      state: 'FAILED',
      failure: {
        Reason: 'Unknown error.',
        Message: 'FAILED: SemanticException [Error 10001]: Table not found stg_dimension_db.sample_country_dim',
        LogFile: 's3://bucket/emr-logs/j-1ABC/steps/s-1STEP/stderr.gz',
      },
    });
  });

  it('returns ERROR and logs that EMR gave no details when a CANCELLED step has none', async () => {
    // Prepare
    emrMock.on(DescribeStepCommand).resolves({ Step: { Id: 's-1STEP', Name: 'Load', Status: { State: 'CANCELLED' } } });
    const logger = givenLogger();

    // Act
    const result = await stepStatus(new EMRClient({ region: 'eu-west-1' }), 'j-1ABC', 's-1STEP', logger);

    // Assess
    expect(result.Status).toBe('ERROR');
    expect(logger.warn).toHaveBeenCalledWith('EMR step did not complete', {
      name: 'Load',
      state: 'CANCELLED',
      failure: '(EMR gave no failure details)',
    });
  });

  it('returns SUCCESS and logs no warning when the step COMPLETED', async () => {
    // Prepare
    emrMock.on(DescribeStepCommand).resolves({ Step: { Id: 's-1STEP', Name: 'Load', Status: { State: 'COMPLETED' } } });
    const logger = givenLogger();

    // Act
    const result = await stepStatus(new EMRClient({ region: 'eu-west-1' }), 'j-1ABC', 's-1STEP', logger);

    // Assess
    expect(result).toEqual({ ClusterId: 'j-1ABC', StepId: 's-1STEP', Status: 'SUCCESS' });
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
