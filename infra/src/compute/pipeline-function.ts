import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaAlias } from '@cdktf/provider-aws/lib/lambda-alias';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AssetType, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import type { StackContext } from '../context';
import { functionName, LAMBDA_ALIAS, lambdaLogGroupName } from '../naming';
import { PipelineRole } from '../security/pipeline-role';
import { serviceTrustPolicy } from '../security/policy-document';
import { HANDLER, type LambdaPackage } from './bundle';
import type { LambdaName } from './lambdas';

export const LAMBDA_RUNTIME = 'nodejs22.x';
export const LOG_RETENTION_DAYS = 365;

/** Seconds a Lambda may run: emptying a large folder takes longer than an API call. */
/** stage-landed-files parses every landed file: more memory is more CPU. */
export const DEFAULT_MEMORY_MB = 256;
export const lambdaMemorySizes: Partial<Record<LambdaName, number>> = { 'stage-landed-files': 1024 };
export const lambdaTimeouts: Partial<Record<LambdaName, number>> = { 'delete-all-objects-in-s3folder': 300, 'stage-landed-files': 900 };
export const DEFAULT_TIMEOUT_SECONDS = 60;

export interface PipelineFunctionProps {
  lambda: LambdaName;
  package: LambdaPackage;
  environment: Record<string, string>;
  keyArn: string;
}

/** One reusable Lambda: its package, log group, role (policy attached by the stack), published version and alias. */
export class PipelineFunction extends Construct {
  readonly lambda: LambdaName;
  readonly function: LambdaFunction;
  readonly alias: LambdaAlias;
  readonly logGroup: CloudwatchLogGroup;
  readonly role: PipelineRole;

  constructor(scope: Construct, id: string, context: StackContext, props: PipelineFunctionProps) {
    super(scope, id);
    this.lambda = props.lambda;
    const name = functionName(context.env, props.lambda);
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: lambdaLogGroupName(context.env, props.lambda),
      retentionInDays: LOG_RETENTION_DAYS,
      kmsKeyId: props.keyArn,
    });
    this.role = new PipelineRole(this, 'role', {
      name,
      description: `Lambda ${props.lambda} (${context.env.name}): only the calls it makes`,
      assumeRolePolicy: serviceTrustPolicy('lambda.amazonaws.com'),
    });
    const code = new TerraformAsset(this, 'package', { path: props.package.zipFile, type: AssetType.FILE });
    this.function = new LambdaFunction(this, 'function', {
      functionName: name,
      description: `data-pipeline ${props.lambda} (${context.env.name})`,
      role: this.role.role.arn,
      runtime: LAMBDA_RUNTIME,
      handler: HANDLER,
      architectures: ['arm64'],
      memorySize: lambdaMemorySizes[props.lambda] ?? DEFAULT_MEMORY_MB,
      timeout: lambdaTimeouts[props.lambda] ?? DEFAULT_TIMEOUT_SECONDS,
      filename: code.path,
      sourceCodeHash: props.package.sourceCodeHash,
      publish: true,
      kmsKeyArn: props.keyArn,
      environment: { variables: props.environment },
      tracingConfig: { mode: 'Active' },
      loggingConfig: { logFormat: 'JSON', logGroup: this.logGroup.name },
      dependsOn: [this.logGroup],
    });
    this.alias = new LambdaAlias(this, 'alias', {
      name: LAMBDA_ALIAS,
      description: `The version the ${context.env.name} workflows invoke`,
      functionName: this.function.functionName,
      functionVersion: this.function.version,
    });
  }
}
