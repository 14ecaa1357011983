import { EmrSecurityConfiguration } from '@cdktf/provider-aws/lib/emr-security-configuration';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import type { Environment } from '@data-pipeline/model';
import { Construct } from 'constructs';
import type { StackContext } from '../context';
import { resourceName } from '../naming';
import { emrInstanceRoleGrants, emrServiceRoleGrants, type PermissionTargets, statementsOf } from './permissions';
import { PipelineRole } from './pipeline-role';
import { serviceTrustPolicy } from './policy-document';

/** AWS's least-privilege EMR service policy (v2): EC2 actions limited to resources tagged for EMR. */
export const EMR_SERVICE_POLICY = 'AmazonEMRServicePolicy_v2';

/** The security configuration launch-emr names: the model's, else data-pipeline-<env>-emr-at-rest. */
export function emrSecurityConfigurationName(env: Environment): string {
  return env.emr.securityConfiguration ?? resourceName(env, 'emr-at-rest');
}

/** The environment as deployed: the model's, with the security configuration this stack creates. */
export function deployedEnvironment(env: Environment): Environment {
  return { ...env, emr: { ...env.emr, securityConfiguration: emrSecurityConfigurationName(env) } };
}

/** Encryption at rest with the pipeline key: EMRFS objects (SSE-KMS) and local disks, EBS volumes included. */
export function securityConfigurationJson(keyArn: string): string {
  return JSON.stringify({
    EncryptionConfiguration: {
      EnableInTransitEncryption: false,
      EnableAtRestEncryption: true,
      AtRestEncryptionConfiguration: {
        S3EncryptionConfiguration: { EncryptionMode: 'SSE-KMS', AwsKmsKey: keyArn },
        LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: 'AwsKms', AwsKmsKey: keyArn, EnableEbsEncryption: true },
      },
    },
  });
}

/** The EMR cluster's service role, EC2 instance role and profile (names from the model) and its security configuration. */
export class EmrAccess extends Construct {
  readonly serviceRole: PipelineRole;
  readonly instanceRole: PipelineRole;
  readonly instanceProfile: IamInstanceProfile;
  readonly securityConfiguration: EmrSecurityConfiguration;

  constructor(scope: Construct, id: string, context: StackContext, keyArn: string) {
    super(scope, id);
    const { env, partition, account, region } = context;
    this.serviceRole = new PipelineRole(this, 'service-role', {
      name: env.emr.serviceRole,
      description: `EMR service role of the ${env.name} pipeline cluster`,
      assumeRolePolicy: serviceTrustPolicy('elasticmapreduce.amazonaws.com', {
        account,
        sourceArn: `arn:${partition}:elasticmapreduce:${region}:${account}:*`,
      }),
      managedPolicyArns: [`arn:${partition}:iam::aws:policy/service-role/${EMR_SERVICE_POLICY}`],
    });
    this.instanceRole = new PipelineRole(this, 'instance-role', {
      name: env.emr.instanceProfile,
      description: `EC2 instances of the ${env.name} pipeline cluster: its bucket, its Glue databases, its key`,
      assumeRolePolicy: serviceTrustPolicy('ec2.amazonaws.com'),
    });
    this.instanceProfile = new IamInstanceProfile(this, 'instance-profile', {
      name: env.emr.instanceProfile,
      role: this.instanceRole.role.name,
    });
    this.securityConfiguration = new EmrSecurityConfiguration(this, 'security-configuration', {
      name: emrSecurityConfigurationName(env),
      configuration: securityConfigurationJson(keyArn),
    });
  }

  /** Attaches both roles' policies once every target exists. */
  grant(targets: PermissionTargets): void {
    this.serviceRole.attachPolicy(statementsOf(emrServiceRoleGrants, targets));
    this.instanceRole.attachPolicy(statementsOf(emrInstanceRoleGrants, targets));
  }
}
