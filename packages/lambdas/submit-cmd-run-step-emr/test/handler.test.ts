import { AddJobFlowStepsCommand, EMRClient, EMRServiceException } from '@aws-sdk/client-emr';
import { S3Client } from '@aws-sdk/client-s3';
import { givenLambdaEnvironment } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const emrMock = mockClient(EMRClient);
const s3Mock = mockClient(S3Client);

const HIVE_STEP = {
  Step_Name: 'Load sample_country_dim',
  Cmd_Run: 'spark-sql -f s3://data-pipeline-test-work-area/data-workflows/prod/libs/hive-scripts/sample_country_dim.hql',
};

function addStepInputs() {
  return emrMock.commandCalls(AddJobFlowStepsCommand).map((call) => call.args[0].input);
}

function emrError(name: string, message: string) {
  return new EMRServiceException({ name, $fault: 'client', $metadata: {}, message });
}

describe('Function: submit-cmd-run-step-emr handler', () => {
  beforeEach(() => {
    emrMock.reset();
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
  });

  it('returns SUBMITTED with the step id after adding one command-runner.jar step from the event', async () => {
    // Prepare
    emrMock.on(AddJobFlowStepsCommand).resolves({ StepIds: ['s-1STEP'] });

    // Act
    const result = await handler({ ClusterId: 'j-1ABC', Status: 'STARTED', NextStepNameAndCmd: HIVE_STEP });

    // Assess
    expect(result).toEqual({ ClusterId: 'j-1ABC', StepId: 's-1STEP', Status: 'SUBMITTED' });
    expect(addStepInputs()).toEqual([
      {
        JobFlowId: 'j-1ABC',
        Steps: [
          {
            Name: 'Load sample_country_dim',
            ActionOnFailure: 'CONTINUE',
            HadoopJarStep: {
              Jar: 'command-runner.jar',
              Args: ['spark-sql', '-f', 's3://data-pipeline-test-work-area/data-workflows/prod/libs/hive-scripts/sample_country_dim.hql'],
            },
          },
        ],
      },
    ]);
  });

  it('returns SUBMITTED using Step_Name and Cmd_Run of the environment when the event has no command', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, {
      env: { Step_Name: 'Stage the landing files', Cmd_Run: 's3-dist-cp  --src s3://b/landing/ --dest s3://b/stage/' },
    });
    emrMock.on(AddJobFlowStepsCommand).resolves({ StepIds: ['s-2STEP'] });

    // Act
    const result = await handler({ ClusterId: 'j-1ABC' });

    // Assess
    expect(result).toEqual({ ClusterId: 'j-1ABC', StepId: 's-2STEP', Status: 'SUBMITTED' });
    expect(addStepInputs()[0]?.Steps).toEqual([
      {
        Name: 'Stage the landing files',
        ActionOnFailure: 'CONTINUE',
        HadoopJarStep: { Jar: 'command-runner.jar', Args: ['s3-dist-cp', '--src', 's3://b/landing/', '--dest', 's3://b/stage/'] },
      },
    ]);
  });

  it('returns the step of the event when both the event and the environment have one', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { Step_Name: 'Env step', Cmd_Run: 'hive -f s3://b/env.hql' } });
    emrMock.on(AddJobFlowStepsCommand).resolves({ StepIds: ['s-1STEP'] });

    // Act
    await handler({ ClusterId: 'j-1ABC', NextStepNameAndCmd: HIVE_STEP });

    // Assess
    expect(addStepInputs()[0]?.Steps?.[0]?.Name).toBe('Load sample_country_dim');
  });

  it('throws naming NextStepNameAndCmd and both variables, with no AWS call at all, when neither has a command', async () => {
    // Prepare
    const event = { ClusterId: 'j-1ABC' };

    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EventValidationError',
      message:
        'submit-cmd-run-step-emr: invalid event: NextStepNameAndCmd is missing and the fallback environment variables Step_Name and Cmd_Run are not set',
    });
    expect(emrMock.calls()).toHaveLength(0);
    expect(s3Mock.calls()).toHaveLength(0);
  });

  it('throws naming Cmd_Run when the environment has only Step_Name', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { Step_Name: 'Env step' } });

    // Act
    const act = handler({ ClusterId: 'j-1ABC' });

    // Assess
    await expect(act).rejects.toThrow(
      'submit-cmd-run-step-emr: invalid event: NextStepNameAndCmd is missing and the fallback environment variable Cmd_Run is not set',
    );
    expect(emrMock.calls()).toHaveLength(0);
  });

  it.each([
    [{ NextStepNameAndCmd: HIVE_STEP }, 'ClusterId is missing'],
    [{ ClusterId: 'j-1ABC', NextStepNameAndCmd: { Step_Name: 'Load' } }, 'NextStepNameAndCmd.Cmd_Run is missing'],
    [{ ClusterId: 'j-1ABC', NextStepNameAndCmd: { Cmd_Run: 'hive -f x.hql' } }, 'NextStepNameAndCmd.Step_Name is missing'],
    [
      { ClusterId: 'j-1ABC', NextStepNameAndCmd: { Step_Name: 'Load', Cmd_Run: ['hive', '-f'] } },
      'NextStepNameAndCmd.Cmd_Run must be a command line',
    ],
    [{ ClusterId: 'j-1ABC', NextStepNameAndCmd: { Step_Name: 'Load', Cmd_Run: '   ' } }, 'NextStepNameAndCmd.Cmd_Run must not be blank'],
    [{ ClusterId: 'j-1ABC', NextStepNameAndCmd: 'hive -f x.hql' }, 'NextStepNameAndCmd must be an object (got the string "hive -f x.hql")'],
  ])('throws naming the field and calls nothing when the event is %j', async (event, problem) => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { env: { Step_Name: 'Env step', Cmd_Run: 'hive -f s3://b/env.hql' } });

    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EventValidationError',
      message: `submit-cmd-run-step-emr: invalid event: ${problem}`,
    });
    expect(emrMock.calls()).toHaveLength(0);
  });

  it('throws ResourceNotFoundError naming the cluster when EMR does not know it', async () => {
    // Prepare
    emrMock.on(AddJobFlowStepsCommand).rejects(emrError('InvalidRequestException', 'Cluster id is not valid.'));

    // Act
    const act = handler({ ClusterId: 'j-UNKNOWN', NextStepNameAndCmd: HIVE_STEP });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ResourceNotFoundError', message: 'EMR cluster j-UNKNOWN does not exist' });
  });

  it('throws the EMR error when EMR refuses the step', async () => {
    // Prepare
    emrMock
      .on(AddJobFlowStepsCommand)
      .rejects(emrError('ValidationException', 'A job flow that is shutting down, terminated, or finished may not be modified.'));

    // Act
    const act = handler({ ClusterId: 'j-1ABC', NextStepNameAndCmd: HIVE_STEP });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('throws UnexpectedResponseError when EMR answers no step id', async () => {
    // Prepare
    emrMock.on(AddJobFlowStepsCommand).resolves({ StepIds: [] });

    // Act
    const act = handler({ ClusterId: 'j-1ABC', NextStepNameAndCmd: HIVE_STEP });

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      message: 'EMR accepted step "Load sample_country_dim" on cluster j-1ABC but answered no step id',
    });
  });
});
