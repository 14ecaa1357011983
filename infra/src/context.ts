import type { Environment } from '@data-pipeline/model';
import type { DeploymentSettings } from './deployment';

/** What every domain construct of a stack needs to know about where it is deployed. */
export interface StackContext {
  env: Environment;
  deployment: DeploymentSettings;
  /** The AWS account id (the model's, else the caller's, as a Terraform reference). */
  account: string;
  /** aws, aws-cn or aws-us-gov (a Terraform reference). */
  partition: string;
  region: string;
}
