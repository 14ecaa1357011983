/**
 * The sixteen reusable Lambdas (DESIGN §3), one package each under packages/lambdas/<name>, and the
 * environment variables each gets beside Config_File_S3_Bucket/Key (which every one gets).
 */

export type LambdaVariables = 'stateFile' | 'topic' | 'targetFolder';

export const lambdaCatalog = {
  'add-worker-instances-emr': [],
  'check-duplicate-emr': [],
  'check-duplicate-stepfunction': [],
  'delete-all-objects-in-s3folder': ['targetFolder'],
  'launch-emr': [],
  'read-state-info-from-s3': ['stateFile'],
  'remove-state-info-from-s3': ['stateFile'],
  'send-msg-sns': ['topic'],
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

export const lambdaNames = Object.keys(lambdaCatalog) as LambdaName[];

export interface LambdaEnvironmentTargets {
  bucket: string;
  configKey: string;
  stateKey: string;
  topicArn: string;
  targetFolderKey: string;
  /** Subject of the notification mails. */
  subject: string;
}

/** The environment variables of a Lambda (names of the original Python Lambdas, DESIGN §3). */
export function lambdaEnvironment(lambda: LambdaName, targets: LambdaEnvironmentTargets): Record<string, string> {
  const variables: Record<string, string> = { Config_File_S3_Bucket: targets.bucket, Config_File_S3_Key: targets.configKey };
  const needs: readonly LambdaVariables[] = lambdaCatalog[lambda];
  if (needs.includes('stateFile')) {
    variables.State_Info_File_S3_Bucket = targets.bucket;
    variables.State_Info_File_S3_Key = targets.stateKey;
  }
  if (needs.includes('topic')) {
    variables.TopicArn = targets.topicArn;
    variables.Subject = targets.subject;
  }
  if (needs.includes('targetFolder')) {
    variables.Target_Folder_S3_Bucket = targets.bucket;
    variables.Target_Folder_S3_Key = targets.targetFolderKey;
  }
  return variables;
}
