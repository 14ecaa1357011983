import { z } from 'zod';
import { accountId, awsRegion, bucketName, peopleAccessSchema, quicksightSchema, scheduleSchema, subnetId } from '../environments/schema';

/**
 * What a platform team sets per deployed environment, in environments/<env>.json at the repository
 * root: everything that differs between accounts. What the pipeline itself needs (EMR sizing, poll
 * intervals, tags) stays in src/environments/definitions.ts. Unknown keys are refused, so a misspelt
 * setting is named instead of ignored.
 */

/** The environments a settings file may configure (local runs on this machine and needs none). */
export const SETTINGS_ENVIRONMENTS = ['dev', 'prod'] as const;
export type SettingsEnvironment = (typeof SETTINGS_ENVIRONMENTS)[number];

/** Longest suffix that keeps data-pipeline-prod-work-area-<suffix> within S3's 63 characters. */
export const NAME_SUFFIX_MAX_LENGTH = 34;

export const nameSuffixSchema = z
  .string()
  .max(NAME_SUFFIX_MAX_LENGTH, `must be at most ${NAME_SUFFIX_MAX_LENGTH} characters (bucket names have 63)`)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'must be lowercase letters, digits and hyphens, starting and ending with a letter or digit');

export const stateBackendSchema = z
  .object({
    /** Default data-pipeline-<env>-tfstate-<nameSuffix> (what the bootstrap stack creates). */
    bucket: bucketName.optional(),
    /** Default data-pipeline/<env>/terraform.tfstate. */
    key: z
      .string()
      .regex(/^[^/].*\.tfstate$/, 'must be an S3 key ending in .tfstate, without a leading slash')
      .optional(),
    /** Default the environment's region. */
    region: awsRegion.optional(),
    /** S3-native locking with a lock file beside the state (Terraform 1.10+). */
    useLockfile: z.boolean(),
  })
  .strict();

export const quicksightSettingsSchema = quicksightSchema
  .extend({
    /**
     * The account's QuickSight edition, as its administrator subscribed it: groups need "enterprise".
     * "none" (no subscription) with enabled true stops the synth, since the first QuickSight resource would fail.
     */
    subscription: z.enum(['enterprise', 'standard', 'none']),
  })
  .strict();

export const settingsSchema = z
  .object({
    /** The editor's JSON schema (environments/settings.schema.json); ignored by the model. */
    $schema: z.string().optional(),
    /** Which environment the file configures: must match its name. */
    environment: z.enum(SETTINGS_ENVIRONMENTS).describe('The environment the file configures: dev or prod, as its name says.'),
    /** The account the stack may deploy to (the provider's allowed_account_ids). */
    account: accountId.describe('The AWS account the stack deploys to (the provider refuses any other).'),
    region: awsRegion.describe('The region of every resource of the environment.'),
    /** Makes the environment's bucket names globally unique; default <account>-<region>. */
    nameSuffix: nameSuffixSchema.optional().describe('Makes the bucket names globally unique; default <account>-<region>.'),
    /** Private subnets the EMR cluster may launch in, tagged for-use-with-amazon-emr-managed-policies=true. */
    subnetIds: z
      .array(subnetId)
      .min(1)
      .describe('Private subnets for the EMR cluster, each (and its VPC) tagged for-use-with-amazon-emr-managed-policies=true.'),
    notifications: z
      .object({ emails: z.array(z.email()).min(1, 'must name at least one address') })
      .strict()
      .describe('Who gets the notices of the pipeline (each confirms the subscription mail).'),
    stateBackend: stateBackendSchema.describe('Where the stack keeps its Terraform state; the bootstrap stack creates the default bucket.'),
    schedule: scheduleSchema.strict().describe('When EventBridge starts the Master: cron(...) or rate(...), and whether it does.'),
    quicksight: quicksightSettingsSchema.describe('Reporting on the warehouse through QuickSight (Enterprise edition).'),
    /** Who may assume the analyst, data engineer and operator roles; a role left out trusts the account's principals with MFA. */
    access: peopleAccessSchema
      .strict()
      .optional()
      .describe('Who may assume the analyst, data engineer and operator roles; a role left out trusts the account with MFA.'),
  })
  .strict()
  .superRefine((settings, context) => {
    if (settings.quicksight.enabled && settings.quicksight.subscription !== 'enterprise') {
      context.addIssue({
        code: 'custom',
        path: ['quicksight', 'subscription'],
        message:
          'must be "enterprise" while quicksight.enabled is true: the stack grants a QuickSight group, and groups need the Enterprise edition ' +
          '(subscribe first, see infra/README.md, "QuickSight reporting"), or set quicksight.enabled to false',
      });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;
export type StateBackendSettings = z.infer<typeof stateBackendSchema>;
