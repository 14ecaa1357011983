import { getEnvironment } from '@data-pipeline/model';
import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { lambdaNames } from '../src/compute/lambdas';
import { getDeploymentSettings } from '../src/deployment';
import { UnsupportedEnvironmentError } from '../src/errors';
import { DataPipelineStack } from '../src/stack';
import { workAreaBucketStatements } from '../src/storage/bucket-policy';
import { parsePolicy } from './support/synthesized';

const lambdasRoot = process.env.DATA_PIPELINE_LAMBDAS_ROOT;

function synthesizeWith(deployment: ReturnType<typeof getDeploymentSettings>) {
  const app = Testing.app();
  const stack = new DataPipelineStack(app, 'data-pipeline-prod', {
    environment: getEnvironment('prod'),
    deployment,
    ...(lambdasRoot ? { lambdasRoot } : {}),
  });
  return JSON.parse(Testing.synth(stack));
}

describe('Function: deployment settings', () => {
  it('returns an HCP Terraform workspace instead of the S3 backend when the environment asks for it', () => {
    const json = synthesizeWith({ backend: { type: 'hcp', organization: 'example-org', workspace: 'data-pipeline-prod' } });
    expect(json.terraform.cloud).toEqual({ organization: 'example-org', workspaces: { name: 'data-pipeline-prod' } });
    expect(json.terraform.backend).toBeUndefined();
  });

  it('throws UnsupportedEnvironmentError when asked for the local environment', () => {
    expect(() => getDeploymentSettings('local')).toThrow(UnsupportedEnvironmentError);
  });
});

describe('Function: workAreaBucketStatements', () => {
  it('returns a deny outside the VPC endpoint that spares AWS services and the exempt roles when an endpoint is set', () => {
    // act
    const statements = workAreaBucketStatements({
      bucketArn: 'arn:aws:s3:::b',
      vpcEndpointId: 'vpce-0abc',
      exemptPrincipalArns: ['arn:aws:iam::123456789012:role/l'],
    });
    // assess
    const deny = statements.find((statement) => statement.Sid === 'DenyOutsideVpcEndpoint');
    expect(deny?.Condition).toEqual({
      StringNotEquals: { 'aws:sourceVpce': 'vpce-0abc' },
      BoolIfExists: { 'aws:ViaAWSService': false },
      ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::123456789012:role/l'] },
    });
    expect(deny?.Action).toEqual(['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket']);
  });

  it('returns the endpoint restriction in the synthesized bucket policy, sparing every Lambda role', () => {
    const json = synthesizeWith({ ...getDeploymentSettings('prod'), s3VpcEndpointId: 'vpce-0abc' });
    const [policy] = Object.values(json.resource.aws_s3_bucket_policy) as { policy: string }[];
    const deny = parsePolicy(policy?.policy).Statement.find((statement) => statement.Sid === 'DenyOutsideVpcEndpoint');
    expect(deny?.Condition?.StringNotEquals).toEqual({ 'aws:sourceVpce': 'vpce-0abc' });
    // Every Lambda role, and the people's roles that work from their own machines (data engineer, operator).
    expect(deny?.Condition?.ArnNotLike?.['aws:PrincipalArn']).toHaveLength(lambdaNames.length + 2);
  });
});
