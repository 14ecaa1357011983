import { z } from 'zod';
import { EMR_RELEASE_SPARK, LOAD_PROGRAM } from '../engine';

export const awsRegion = z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as us-east-1');
export const bucketName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)')
  .refine((name) => !name.includes('..') && !/^\d+\.\d+\.\d+\.\d+$/.test(name), 'must be a valid S3 bucket name');
const instanceType = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, 'must be an EC2 instance type such as m5.xlarge');
const positiveSeconds = z.number().int().min(1).max(3600);

export const accountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id');

export const subnetId = z.string().regex(/^subnet-[0-9a-z]+$/, 'must be a subnet id such as subnet-0abc1234');

export const scheduleSchema = z.object({
  expression: z.string().regex(/^(cron|rate)\(.+\)$/, 'must be an EventBridge cron(...) or rate(...) expression'),
  enabled: z.boolean(),
});

export const pollIntervalsSchema = z.object({
  clusterStart: positiveSeconds,
  step: positiveSeconds,
  resize: positiveSeconds,
  childWorkflow: positiveSeconds,
  terminate: positiveSeconds,
});

export const spotSchema = z.object({
  workers: z.number().int().min(0),
  incrementWorkers: z.number().int().min(0),
  pricePctOfOnDemand: z.number().int().min(1).max(100),
  timeoutMinutes: z.number().int().min(5).max(1440),
  timeoutAction: z.enum(['SWITCH_TO_ON_DEMAND', 'TERMINATE_CLUSTER']),
  /** Spot blocks are retired by AWS; keep unset unless an old account still honours them. */
  blockDurationMinutes: z
    .number()
    .int()
    .min(60)
    .max(360)
    .refine((minutes) => minutes % 60 === 0, 'must be a multiple of 60')
    .optional(),
  allocationStrategy: z.enum(['capacity-optimized', 'price-capacity-optimized', 'lowest-price', 'diversified']).optional(),
});

export const emrSchema = z
  .object({
    releaseLabel: z
      .string()
      .regex(/^emr-\d+\.\d+\.\d+$/, 'must be an EMR release label such as emr-7.12.0')
      .refine((label) => Object.hasOwn(EMR_RELEASE_SPARK, label), {
        message: `must be a release whose Spark version the model knows (${Object.keys(EMR_RELEASE_SPARK).join(', ')}; packages/model/src/engine.ts)`,
      }),
    applications: z
      .array(z.enum(['Hadoop', 'Hive', 'Spark', 'Tez', 'Hue', 'Livy']))
      .min(1)
      .refine((names) => names.includes(LOAD_PROGRAM.application), {
        message: `must include ${LOAD_PROGRAM.application}: the load steps run ${LOAD_PROGRAM.command}`,
      }),
    masterInstanceTypes: z.array(instanceType).min(1).max(5),
    workerInstanceTypes: z.array(instanceType).min(1).max(30),
    onDemandWorkers: z.number().int().min(0),
    spot: spotSchema,
    idleTimeoutSeconds: z.number().int().min(60).max(604_800),
    stepConcurrency: z.number().int().min(1).max(256),
    clusterName: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,255}$/, 'must be letters, digits, _ . - (no spaces)'),
    /** Subnets the cluster may launch in (EMR picks one per instance fleet). */
    subnetIds: z.array(subnetId).min(1),
    keyPairName: z.string().min(1).optional(),
    serviceRole: z.string().min(1),
    instanceProfile: z.string().min(1),
    securityConfiguration: z.string().min(1).optional(),
    metastoreFactoryClass: z.string().min(1),
  })
  .refine((emr) => emr.onDemandWorkers + emr.spot.workers >= 1, {
    message: 'needs at least one worker (onDemandWorkers + spot.workers)',
    path: ['onDemandWorkers'],
  });

const principalArn = z
  .string()
  .regex(
    /^arn:aws(-cn|-us-gov)?:iam::\d{12}:(root|(role|user)\/[\w+=,.@/-]+)$/,
    'must be an IAM principal ARN such as arn:aws:iam::123456789012:role/Name (or :root for an account)',
  );
const permissionSetName = z
  .string()
  .regex(/^[\w+=,.@-]{1,32}$/, 'must be an IAM Identity Center permission set name (1-32 of A-Z a-z 0-9 +=,.@_-)');

/** Who may assume one of the people's roles: IAM principals, and/or IAM Identity Center permission sets of the account. */
export const personRoleAccessSchema = z.object({
  principals: z.array(principalArn).optional(),
  ssoPermissionSets: z.array(permissionSetName).optional(),
});

/** The people's roles on the lake; a role with nobody configured trusts the account's principals that sign in with MFA. */
export const peopleAccessSchema = z.object({
  analyst: personRoleAccessSchema.optional(),
  dataEngineer: personRoleAccessSchema.optional(),
  operator: personRoleAccessSchema.optional(),
});

/** Reporting through QuickSight on the Athena workgroup (needs a QuickSight subscription of the account). */
export const quicksightSchema = z.object({
  enabled: z.boolean(),
  /** The QuickSight group given use of the data source and data sets (created by the QuickSight administrator). */
  group: z.string().regex(/^[\w+=,.@-]{1,128}$/, 'must be a QuickSight group name (1-128 of A-Z a-z 0-9 +=,.@_-)'),
  /** QuickSight namespace of the group; default "default". */
  namespace: z
    .string()
    .regex(/^[a-zA-Z0-9._-]{1,64}$/, 'must be a QuickSight namespace')
    .optional(),
  /** The region of the account's QuickSight identities (users, groups); default the environment's region. */
  identityRegion: awsRegion.optional(),
  /** The IAM role QuickSight uses for Athena and S3; default aws-quicksight-service-role-v0. */
  serviceRole: z
    .string()
    .regex(/^[\w+=,.@/-]{1,64}$/, 'must be an IAM role name')
    .optional(),
});

export const environmentSchema = z.object({
  name: z.enum(['dev', 'prod', 'local']),
  region: awsRegion,
  account: accountId.optional(),
  bucket: bucketName,
  /** What makes the environment's global names (its buckets) unique: the settings' nameSuffix, by default <account>-<region>. */
  nameSuffix: z.string().min(1).optional(),
  emr: emrSchema,
  schedule: scheduleSchema,
  notifications: z.object({ emails: z.array(z.email()) }),
  pollIntervals: pollIntervalsSchema,
  tags: z.record(z.string().min(1).max(128), z.string().max(256)),
  /** Roles for people (analyst, data engineer, operator); every role is created, see peopleAccessSchema. */
  access: peopleAccessSchema.optional(),
  /** Off when absent. */
  quicksight: quicksightSchema.optional(),
});

export type EnvironmentName = z.infer<typeof environmentSchema>['name'];
export type PollIntervals = z.infer<typeof pollIntervalsSchema>;
export type EmrSettings = z.infer<typeof emrSchema>;
export type SpotSettings = z.infer<typeof spotSchema>;
export type Environment = z.infer<typeof environmentSchema>;
export type PeopleAccess = z.infer<typeof peopleAccessSchema>;
export type PersonRoleAccess = z.infer<typeof personRoleAccessSchema>;
export type QuicksightSettings = z.infer<typeof quicksightSchema>;
