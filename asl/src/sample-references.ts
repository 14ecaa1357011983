// The references the committed definitions are rendered with: placeholder ARNs in a placeholder
// account, and the sample tables. The infrastructure renders the real ones with Terraform references.
import { LAMBDA_NAMES, type LambdaName } from './lambda-names';
import type { PollIntervals, TableKind, TableWorkflowSteps } from './model-types';
import type { WorkflowReferences } from './references';
import type { WorkflowId } from './workflows/catalog';

export const PLACEHOLDER_REGION = 'us-east-1';
export const PLACEHOLDER_ACCOUNT = '123456789012';
export const PLACEHOLDER_BUCKET = 'data-pipeline-work-area';
export const PLACEHOLDER_ALIAS = 'live';

/** Poll intervals the committed definitions use; every environment sets its own. */
export const DEFAULT_POLL_INTERVALS: PollIntervals = { clusterStart: 30, step: 30, resize: 30, childWorkflow: 30, terminate: 30 };

export function placeholderLambdaArn(name: LambdaName): string {
  return `arn:aws:lambda:${PLACEHOLDER_REGION}:${PLACEHOLDER_ACCOUNT}:function:${name}:${PLACEHOLDER_ALIAS}`;
}

export function placeholderStateMachineArn(workflow: WorkflowId): string {
  return `arn:aws:states:${PLACEHOLDER_REGION}:${PLACEHOLDER_ACCOUNT}:stateMachine:data-pipeline-${workflow}`;
}

/** The sample tables (DESIGN §6), laid out as DESIGN §5 says. */
export function sampleTableSteps(kind: TableKind, bucket: string): TableWorkflowSteps[] {
  const table = kind === 'dimension' ? 'sample_country_dim' : 'sample_country_tx_fact';
  const [zone, database] = kind === 'dimension' ? ['dimensions', 'stg_dimension_db'] : ['facts', 'stg_fact_db'];
  const root = `s3://${bucket}/data-workflows`;
  const landing = `${root}/landing/DWH/${zone}/${table}`;
  const stage = `${root}/stage/STG_DWH/${database}/${table}`;
  const archive = `${root}/archive/DWH/${zone}/${table}`;
  return [
    {
      table,
      kind,
      move: {
        Step_Name: `Move ${table} from landing to staging`,
        Cmd_Run: `s3-dist-cp --src ${landing} --dest ${stage} --deleteOnSuccess`,
      },
      load: { Step_Name: `Load ${table} with Hive`, Cmd_Run: `hive -v -f ${root}/prod/libs/hive-scripts/${table}.hql` },
      archive: { Step_Name: `Archive ${table}`, Cmd_Run: `s3-dist-cp --src ${stage} --dest ${archive} --deleteOnSuccess` },
    },
  ];
}

export function sampleReferences(overrides: Partial<WorkflowReferences> = {}): WorkflowReferences {
  return {
    lambdas: Object.fromEntries(LAMBDA_NAMES.map((name) => [name, placeholderLambdaArn(name)])) as Record<LambdaName, string>,
    stateMachines: {
      launch: placeholderStateMachineArn('launch-emr-cluster'),
      dimension: placeholderStateMachineArn('dimension-process'),
      addWorkers: placeholderStateMachineArn('add-emr-workers'),
      fact: placeholderStateMachineArn('fact-process'),
      terminate: placeholderStateMachineArn('terminate-emr-cluster'),
    },
    masterStateMachine: 'data-pipeline-master',
    pollIntervals: DEFAULT_POLL_INTERVALS,
    tables: { dimension: sampleTableSteps('dimension', PLACEHOLDER_BUCKET), fact: sampleTableSteps('fact', PLACEHOLDER_BUCKET) },
    ...overrides,
  };
}
