import { describe, expect, it } from 'vitest';
import { functionName, isLambdaName, LAMBDA_NAMES, lambdaEnvironment, stateMachineName, topicName } from '../src/index';

describe('Function: functionName and stateMachineName', () => {
  it('returns names that start with the stack name of the environment', () => {
    // Prepare
    const env = { name: 'dev' as const };

    // Act
    const names = [functionName(env, 'launch-emr'), stateMachineName(env, 'fact-process'), topicName(env)];

    // Assess
    expect(names).toEqual(['data-pipeline-dev-launch-emr', 'data-pipeline-dev-fact-process', 'data-pipeline-dev-notifications']);
  });
});

describe('Function: lambdaEnvironment', () => {
  const targets = { bucket: 'work-area', topicArn: 'arn:aws:sns:eu-west-1:123456789012:topic', subject: 'data-pipeline dev' };

  it('returns only the config location for a Lambda that needs nothing else', () => {
    // Prepare, Act
    const variables = lambdaEnvironment('status-emr', targets);

    // Assess
    expect(variables).toEqual({
      Config_File_S3_Bucket: 'work-area',
      Config_File_S3_Key: 'data-workflows/prod/libs/lambda_fn_config/config.ini',
    });
  });

  it('returns the state file, topic and target folder variables of the Lambdas that use them', () => {
    // Prepare, Act
    const state = lambdaEnvironment('write-state-info-to-s3', targets);
    const sns = lambdaEnvironment('send-msg-sns', targets);
    const folder = lambdaEnvironment('delete-all-objects-in-s3folder', targets);

    // Assess
    expect(state).toMatchObject({
      State_Info_File_S3_Bucket: 'work-area',
      State_Info_File_S3_Key: 'data-workflows/prod/state_info/data_pipeline_ClusterId.info',
    });
    expect(sns).toMatchObject({ TopicArn: targets.topicArn, Subject: 'data-pipeline dev' });
    expect(folder).toMatchObject({ Target_Folder_S3_Bucket: 'work-area', Target_Folder_S3_Key: 'data-workflows/stage/STG_DWH/' });
  });

  it('lists eighteen Lambdas and recognises their names', () => {
    // Prepare, Act
    const known = isLambdaName('launch-emr');
    const unknown = isLambdaName('launch-cluster');

    // Assess
    expect(LAMBDA_NAMES).toHaveLength(18);
    expect([known, unknown]).toEqual([true, false]);
  });
});
