// The schema of config.ini: every section and key of the original file plus the new ones (all listed in the package README).
// Values arrive as trimmed strings (empty values are removed before validation, so they read as missing).
import * as z from 'zod';

const required = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? 'missing' : `must be ${what}, not a bare key or a list`) });

const text = (what = 'a value') => required(what).min(1, { error: 'missing' });

function wholeNumber(min: number, max: number) {
  return required('a whole number')
    .regex(/^[+-]?\d+$/, { error: 'not a whole number' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `out of range: must be between ${min} and ${max}` })
        .max(max, { error: `out of range: must be between ${min} and ${max}` }),
    );
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return required(`one of ${values.join(', ')}`).pipe(z.enum(values, { error: `must be one of ${values.join(', ')}` }));
}

function list(item: z.ZodString, what: string) {
  return required(`a comma-separated list of ${what}`)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(item).min(1, { error: `must list at least one ${what}` }));
}

const instanceType = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, { error: 'must list instance types such as m5.xlarge' });
const subnetId = z.string().regex(/^subnet-[0-9a-z]+$/, { error: 'must list subnet ids such as subnet-0abc1234' });
const iamName = (what: string) => text(what).regex(/^[\w+=,.@-]{1,128}$/, { error: `must be ${what}` });

const applicationName = z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, { error: 'must list EMR applications such as Hadoop, Hive, Spark' });

const releaseLabel = text('an EMR release label')
  .regex(/^(emr-)?\d+\.\d+\.\d+$/, { error: 'must be an EMR release label such as emr-7.12.0' })
  .transform((value) => (value.startsWith('emr-') ? value : `emr-${value}`));

const s3Uri = text('an s3:// URI').regex(/^s3n?:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, {
  error: 'must be an s3:// URI such as s3://bucket/emr-logs/',
});

const spotBlockMinutes = wholeNumber(60, 360).refine((minutes) => minutes % 60 === 0, {
  error: 'must be a multiple of 60 (60, 120, … 360)',
});

export const SPOT_TIMEOUT_ACTIONS = ['SWITCH_TO_ON_DEMAND', 'TERMINATE_CLUSTER'] as const;
export const ALLOCATION_STRATEGIES = ['capacity-optimized', 'price-capacity-optimized', 'lowest-price', 'diversified'] as const;

export const configSchema = z.strictObject({
  basic: z.strictObject({
    emr_region: text('an AWS region').regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'must be an AWS region such as eu-west-1' }),
    emr_name: text('a cluster name').max(256, { error: 'must be at most 256 characters' }),
    log_on_s3: s3Uri,
    emr_version: releaseLabel,
    // Rendered from the model's `emr.applications`; a file with the original keys only gets the original's three.
    emr_applications: list(applicationName, 'application').default(['Hadoop', 'Hive', 'Spark']),
  }),
  instances: z.strictObject({
    master_instance_type: list(instanceType, 'instance type'),
    worker_instance_type: list(instanceType, 'instance type'),
    ondemand_worker_count: wholeNumber(0, 1000),
  }),
  access: z.strictObject({
    subnet_id: list(subnetId, 'subnet id'),
    ec2_keypair_name: text('a key pair name').optional(),
    service_role: iamName('an IAM role name').default('EMR_DefaultRole'),
    instance_profile: iamName('an instance profile name').default('EMR_EC2_DefaultRole'),
    security_configuration: text('a security configuration name').optional(),
  }),
  metastore: z.strictObject({
    metastore_factory_class: text('a Java class name').regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/, {
      error: 'must be a fully qualified Java class name',
    }),
  }),
  spot: z.strictObject({
    spot_worker_count: wholeNumber(0, 1000),
    spot_worker_increment_count: wholeNumber(0, 1000),
    spot_price_pct_of_ondemand: wholeNumber(1, 100),
    spot_timeout_duration_minutes: wholeNumber(5, 1440),
    spot_timeout_action: oneOf(SPOT_TIMEOUT_ACTIONS),
    spot_block_duration_minutes: spotBlockMinutes.optional(),
    allocation_strategy: oneOf(ALLOCATION_STRATEGIES).optional(),
  }),
  cluster: z
    .strictObject({
      idle_timeout_seconds: wholeNumber(60, 604_800).optional(),
      step_concurrency_level: wholeNumber(1, 256).default(1),
    })
    .default({ step_concurrency_level: 1 }),
  tags: z
    .record(
      z.string().regex(/^[\w .:/=+@-]{1,128}$/, { error: 'tag keys are 1–128 letters, digits, spaces and _.:/=+-@' }),
      text('a tag value').max(256, { error: 'tag values are at most 256 characters' }),
    )
    .default({}),
});

/** The validated, typed content of config.ini. */
export type PipelineConfig = z.output<typeof configSchema>;

/** The sections of config.ini as written (string values), e.g. as rendered by the infrastructure. */
export type ConfigSections = Record<string, Record<string, string>>;

/** The sections every config.ini must have. */
export const REQUIRED_SECTIONS = ['basic', 'instances', 'access', 'metastore', 'spot'] as const;
