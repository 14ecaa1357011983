import { type EnvironmentName, type LoadSettingsOptions, loadSettings, stateBackendOf } from '@data-pipeline/model';
import { UnsupportedEnvironmentError } from './errors';

/**
 * How each environment is deployed, beside what the model says about the pipeline itself: where its
 * Terraform state lives and optional network isolation. The state backend comes from the environment's
 * settings file; an HCP Terraform workspace or a VPC endpoint can be given to the stack in code.
 */

/** S3 remote state with S3-native locking (Terraform 1.10+: a .tflock object next to the state). */
export interface S3BackendSettings {
  type: 's3';
  bucket: string;
  /** State object key: one per environment. */
  key: string;
  region: string;
  /** Lock with a lock file in the state bucket. */
  useLockfile: boolean;
  /** Lock with a DynamoDB table instead (older Terraform); partition key LockID. */
  dynamodbTable?: string;
}

/** An HCP Terraform (Terraform Cloud) workspace per environment. */
export interface HcpBackendSettings {
  type: 'hcp';
  organization: string;
  workspace: string;
  hostname?: string;
}

export type BackendSettings = S3BackendSettings | HcpBackendSettings;

export interface DeploymentSettings {
  backend: BackendSettings;
  /**
   * When set, the work-area bucket refuses object reads and writes that do not come through this S3
   * gateway endpoint (the EMR cluster's VPC), except from AWS services acting for a caller (Athena, Glue),
   * the pipeline's Lambda roles and `vpcEndpointExemptPrincipalArns` (the deploy role, operators).
   */
  s3VpcEndpointId?: string;
  vpcEndpointExemptPrincipalArns?: string[];
}

export type DeployableEnvironment = Exclude<EnvironmentName, 'local'>;

export const deployableEnvironments: readonly DeployableEnvironment[] = ['dev', 'prod'];

export function isDeployable(name: string): name is DeployableEnvironment {
  return (deployableEnvironments as readonly string[]).includes(name);
}

/**
 * How an environment is deployed, from its settings file (environments/<env>.json, or the example with
 * DATA_PIPELINE_SETTINGS=example): the S3 state of the bootstrap stack, with lockfile locking.
 */
export function getDeploymentSettings(name: string, options: LoadSettingsOptions = {}): DeploymentSettings {
  if (!isDeployable(name)) throw new UnsupportedEnvironmentError(name, deployableEnvironments);
  return { backend: { type: 's3', ...stateBackendOf(loadSettings(name, options)) } };
}
