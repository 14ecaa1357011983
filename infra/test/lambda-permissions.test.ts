import { describe, expect, it } from 'vitest';
import { lambdaNames } from '../src/compute/lambdas';
import { asList, parsePolicy, ref, resourceAt, type Statement, synthesized } from './support/synthesized';

/** What each Lambda calls (the packages' READMEs), written out here independently of the permissions table. */
const expectedActions: Record<string, string[]> = {
  'launch-emr': ['elasticmapreduce:RunJobFlow', 'elasticmapreduce:AddTags', 'iam:PassRole'],
  'check-duplicate-emr': ['elasticmapreduce:ListClusters'],
  'status-emr': ['elasticmapreduce:DescribeCluster'],
  'add-worker-instances-emr': [
    'elasticmapreduce:ListInstanceFleets',
    'elasticmapreduce:ListInstances',
    'elasticmapreduce:ModifyInstanceFleet',
  ],
  'status-add-worker-instances-emr': ['elasticmapreduce:ListInstanceFleets'],
  'terminate-emr': ['elasticmapreduce:TerminateJobFlows'],
  'submit-cmd-run-step-emr': ['elasticmapreduce:AddJobFlowSteps'],
  'status-step-emr': ['elasticmapreduce:DescribeStep'],
  'write-state-info-to-s3': ['s3:PutObject', 'kms:GenerateDataKey'],
  'read-state-info-from-s3': ['s3:ListBucket'],
  'remove-state-info-from-s3': ['s3:DeleteObject', 's3:ListBucket'],
  'delete-all-objects-in-s3folder': ['s3:ListBucket', 's3:DeleteObject'],
  'check-landed-files': ['s3:ListBucket'],
  'stage-landed-files': ['s3:ListBucket', 's3:GetObject', 's3:DeleteObject', 's3:PutObject', 'kms:GenerateDataKey'],
  'submit-stepfunction': ['states:StartExecution'],
  'status-stepfunction': ['states:DescribeExecution'],
  'check-duplicate-stepfunction': ['states:ListStateMachines', 'states:ListExecutions'],
  'send-msg-sns': ['sns:Publish', 'kms:GenerateDataKey'],
};
/** Every Lambda reads config.ini (and the state file where it has one), decrypts with the key, writes its logs and traces. */
const everyLambda = [
  's3:GetObject',
  'kms:Decrypt',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
];

function policyOf(env: 'dev' | 'prod', lambda: string) {
  const stack = synthesized(env);
  return {
    stack,
    statements: parsePolicy(resourceAt(stack, 'aws_iam_role_policy', `compute/${lambda}/role/policy`).config.policy).Statement,
  };
}

const statementWith = (statements: Statement[], action: string) =>
  statements.filter((statement) => asList(statement.Action).includes(action));

describe('Function: lambda role policies', () => {
  it.each(lambdaNames.flatMap((lambda) => [['dev', lambda] as const, ['prod', lambda] as const]))(
    'returns exactly the expected actions when reading the %s policy of %s',
    (env, lambda) => {
      // prepare / act
      const { statements } = policyOf(env, lambda);
      // assess
      const granted = new Set(statements.flatMap((statement) => asList(statement.Action)));
      expect([...granted].sort()).toEqual([...new Set([...(expectedActions[lambda] ?? []), ...everyLambda])].sort());
      expect(statements.every((statement) => statement.Effect === 'Allow')).toBe(true);
    },
  );

  it('returns the config.ini key as the only config read of every Lambda when reading the dev policies', () => {
    const bucketArn = ref('aws_s3_bucket', resourceAt(synthesized('dev'), 'aws_s3_bucket', 'storage/bucket').id, 'arn');
    for (const lambda of lambdaNames) {
      const { statements } = policyOf('dev', lambda);
      const config = statements.find((statement) => statement.Sid === 'ReadConfigIni');
      expect(asList(config?.Resource), lambda).toEqual([`${bucketArn}/data-workflows/prod/libs/lambda_fn_config/config.ini`]);
    }
  });

  it('returns only the state file when reading the state file Lambdas', () => {
    const bucketArn = ref('aws_s3_bucket', resourceAt(synthesized('dev'), 'aws_s3_bucket', 'storage/bucket').id, 'arn');
    const stateFile = `${bucketArn}/data-workflows/prod/state_info/data_pipeline_ClusterId.info`;
    for (const lambda of ['write-state-info-to-s3', 'read-state-info-from-s3', 'remove-state-info-from-s3']) {
      const { statements } = policyOf('dev', lambda);
      const stateStatements = statements.filter(
        (statement) => statement.Sid.includes('StateFile') && !['EncryptStateFile', 'TellMissingStateFile'].includes(statement.Sid),
      );
      expect(stateStatements.flatMap((statement) => asList(statement.Resource))).toEqual([stateFile]);
    }
  });

  it('returns EMR cluster actions limited to clusters tagged with the pipeline and environment', () => {
    for (const [env, lambda] of [
      ['dev', 'status-emr'],
      ['prod', 'terminate-emr'],
      ['prod', 'add-worker-instances-emr'],
      ['dev', 'submit-cmd-run-step-emr'],
      ['dev', 'status-step-emr'],
      ['dev', 'status-add-worker-instances-emr'],
    ] as const) {
      const { statements } = policyOf(env, lambda);
      const emr = statements.filter((statement) => asList(statement.Action).some((action) => action.startsWith('elasticmapreduce:')));
      expect(emr.length).toBeGreaterThan(0);
      for (const statement of emr) {
        expect(asList(statement.Resource)).toHaveLength(1);
        expect(asList(statement.Resource)[0]).toMatch(/:elasticmapreduce:us-east-1:.+:cluster\/\*$/);
        expect(statement.Condition).toEqual({
          StringEquals: { 'aws:ResourceTag/pipeline': 'data-pipeline', 'aws:ResourceTag/environment': env },
        });
      }
    }
  });

  it('returns RunJobFlow only with the pipeline tags and PassRole only on the two EMR roles when reading launch-emr', () => {
    // prepare
    const { stack, statements } = policyOf('prod', 'launch-emr');
    const serviceRole = ref('aws_iam_role', resourceAt(stack, 'aws_iam_role', 'emr/service-role/role').id, 'arn');
    const instanceRole = ref('aws_iam_role', resourceAt(stack, 'aws_iam_role', 'emr/instance-role/role').id, 'arn');
    // act
    const [runJobFlow] = statementWith(statements, 'elasticmapreduce:RunJobFlow');
    const passRole = statementWith(statements, 'iam:PassRole');
    // assess
    expect(runJobFlow?.Condition).toEqual({
      StringEquals: { 'aws:RequestTag/pipeline': 'data-pipeline', 'aws:RequestTag/environment': 'prod' },
    });
    expect(passRole.flatMap((statement) => asList(statement.Resource)).sort()).toEqual([instanceRole, serviceRole].sort());
    expect(passRole.map((statement) => statement.Condition?.StringEquals?.['iam:PassedToService']).sort()).toEqual([
      'ec2.amazonaws.com',
      'elasticmapreduce.amazonaws.com',
    ]);
    for (const lambda of lambdaNames.filter((name) => name !== 'launch-emr')) {
      expect(statementWith(policyOf('prod', lambda).statements, 'iam:PassRole'), lambda).toEqual([]);
    }
  });

  it('returns a prefix-limited listing and deletes under the folder when reading delete-all-objects-in-s3folder', () => {
    const { statements } = policyOf('dev', 'delete-all-objects-in-s3folder');
    const [list] = statementWith(statements, 's3:ListBucket');
    const [remove] = statementWith(statements, 's3:DeleteObject');
    expect(list?.Condition).toEqual({ StringLike: { 's3:prefix': ['data-workflows/stage/STG_DWH/', 'data-workflows/stage/STG_DWH/*'] } });
    expect(asList(remove?.Resource)[0]).toMatch(/\/data-workflows\/stage\/STG_DWH\/\*$/);
  });

  it('returns this environment’s six state machines for the Step Functions Lambdas', () => {
    const stack = synthesized('dev');
    const machines = Object.keys(stack.json.resource.aws_sfn_state_machine ?? {}).map((id) => ref('aws_sfn_state_machine', id, 'arn'));
    expect(machines).toHaveLength(6);
    const [start] = statementWith(policyOf('dev', 'submit-stepfunction').statements, 'states:StartExecution');
    expect(asList(start?.Resource).sort()).toEqual(machines.sort());
    const [list] = statementWith(policyOf('dev', 'check-duplicate-stepfunction').statements, 'states:ListExecutions');
    expect(asList(list?.Resource).sort()).toEqual(machines.sort());
    const [describe] = statementWith(policyOf('dev', 'status-stepfunction').statements, 'states:DescribeExecution');
    expect(asList(describe?.Resource)).toHaveLength(6);
    for (const arn of asList(describe?.Resource)) expect(arn).toMatch(/:states:us-east-1:.+:execution:data-pipeline-dev-[a-z-]+:\*$/);
  });

  it('returns the topic as the only publish target when reading send-msg-sns', () => {
    const stack = synthesized('prod');
    const topic = ref('aws_sns_topic', resourceAt(stack, 'aws_sns_topic', 'notification/topic').id, 'arn');
    const [publish] = statementWith(policyOf('prod', 'send-msg-sns').statements, 'sns:Publish');
    expect(asList(publish?.Resource)).toEqual([topic]);
  });
});
