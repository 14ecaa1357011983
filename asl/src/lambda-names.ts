// The reusable Lambdas the workflows invoke (DESIGN §3), by their kebab-case names.
export const LAMBDA_NAMES = [
  'add-worker-instances-emr',
  'check-duplicate-emr',
  'check-duplicate-stepfunction',
  'delete-all-objects-in-s3folder',
  'launch-emr',
  'read-state-info-from-s3',
  'remove-state-info-from-s3',
  'send-msg-sns',
  'status-add-worker-instances-emr',
  'status-emr',
  'status-step-emr',
  'status-stepfunction',
  'submit-cmd-run-step-emr',
  'submit-stepfunction',
  'terminate-emr',
  'write-state-info-to-s3',
] as const;

export type LambdaName = (typeof LAMBDA_NAMES)[number];

export function isLambdaName(value: string): value is LambdaName {
  return (LAMBDA_NAMES as readonly string[]).includes(value);
}
