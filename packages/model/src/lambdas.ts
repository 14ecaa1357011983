// The eighteen reusable Lambdas (sixteen replace the original Python ones; stage-landed-files and
// check-landed-files are new: docs/ARCHITECTURE.md), one package each under packages/lambdas/<name>, and
// the environment variables each deployed function gets — the same in AWS and in the local mode.
import { s3Layout } from './layout';

export type LambdaVariables = 'stateFile' | 'topic' | 'targetFolder';

/** Beside Config_File_S3_Bucket/Key, which every function gets: the variables each one needs. */
export const lambdaCatalog = {
  'add-worker-instances-emr': [],
  'check-duplicate-emr': [],
  'check-duplicate-stepfunction': [],
  'check-landed-files': [],
  'delete-all-objects-in-s3folder': ['targetFolder'],
  'launch-emr': [],
  'read-state-info-from-s3': ['stateFile'],
  'remove-state-info-from-s3': ['stateFile'],
  'send-msg-sns': ['topic'],
  'stage-landed-files': [],
  'status-add-worker-instances-emr': [],
  'status-emr': [],
  'status-step-emr': [],
  'status-stepfunction': [],
  'submit-cmd-run-step-emr': [],
  'submit-stepfunction': [],
  'terminate-emr': [],
  'write-state-info-to-s3': ['stateFile'],
} as const satisfies Record<string, readonly LambdaVariables[]>;

export type LambdaName = keyof typeof lambdaCatalog;

export const LAMBDA_NAMES = Object.keys(lambdaCatalog) as LambdaName[];

/**
 * The Lambdas whose bundles compile the table declarations in (the other sixteen read only config.ini):
 * a table change rebuilds these two, and infra refuses a bundle that does not know every declared table.
 */
export const TABLE_DECLARATION_LAMBDAS = ['check-landed-files', 'stage-landed-files'] as const satisfies readonly LambdaName[];

export function isLambdaName(value: string): value is LambdaName {
  return Object.hasOwn(lambdaCatalog, value);
}

/** The folder delete-all-objects-in-s3folder empties: the staging zone. */
export const TARGET_FOLDER_KEY = s3Layout.stageRoot;

export interface LambdaEnvironmentTargets {
  bucket: string;
  topicArn: string;
  /** Subject of the notification mails. */
  subject: string;
  configKey?: string;
  stateKey?: string;
  targetFolderKey?: string;
}

/** The environment variables of a Lambda (the names the original Python Lambdas read). */
export function lambdaEnvironment(lambda: LambdaName, targets: LambdaEnvironmentTargets): Record<string, string> {
  const variables: Record<string, string> = {
    Config_File_S3_Bucket: targets.bucket,
    Config_File_S3_Key: targets.configKey ?? s3Layout.configIniKey,
  };
  const needs: readonly LambdaVariables[] = lambdaCatalog[lambda];
  if (needs.includes('stateFile')) {
    variables.State_Info_File_S3_Bucket = targets.bucket;
    variables.State_Info_File_S3_Key = targets.stateKey ?? s3Layout.stateFileKey;
  }
  if (needs.includes('topic')) {
    variables.TopicArn = targets.topicArn;
    variables.Subject = targets.subject;
  }
  if (needs.includes('targetFolder')) {
    variables.Target_Folder_S3_Bucket = targets.bucket;
    variables.Target_Folder_S3_Key = targets.targetFolderKey ?? TARGET_FOLDER_KEY;
  }
  return variables;
}
