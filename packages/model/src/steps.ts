import { LOAD_PROGRAM } from './engine';
import { engineSettingArguments } from './engine-settings';
import { hiveDefineArguments, hiveScriptKey, hiveScriptVariables } from './hive-scripts';
import { s3Uri, tablePrefixes } from './layout';
import { tablesOfKind } from './tables/index';
import type { TableDefinition, TableKind } from './tables/schema';

/** The event shape submit-cmd-run-step-emr takes; Cmd_Run is split on whitespace into command-runner.jar arguments. */
export interface EmrStepCommand {
  Step_Name: string;
  Cmd_Run: string;
}

/** The event of stage-landed-files for one table (the Lambda adds the run id the workflow passes). */
export interface StageLandedFilesEvent {
  Bucket: string;
  Table: string;
}

export interface TableWorkflowSteps {
  table: string;
  kind: TableKind;
  /** stage-landed-files: check each landed file, quarantine what does not fit, move the rest to staging, one folder per file. */
  stage: StageLandedFilesEvent;
  /** spark-sql <engine settings> -v -f <deployed load script> -d STAGE_LOCATION=… -d WAREHOUSE_LOCATION=… -d STAGE_DATABASE=… -d WAREHOUSE_DATABASE=… */
  load: EmrStepCommand;
  /** s3-dist-cp stage → archive (keeping each file's folder), deleting what it copied. */
  archive: EmrStepCommand;
}

/**
 * The load command of a script, as command-runner.jar runs it on EMR and the local EMR runs it: `spark-sql`,
 * the engine settings, `-v` (each statement echoed to the step's stdout), the script and its variables.
 * `script` is where the script is read from (the deployed s3:// object on EMR, any path in tests).
 */
export function loadCommand(script: string, variables: Record<string, string>): string[] {
  return [LOAD_PROGRAM.command, ...engineSettingArguments(), '-v', '-f', script, ...hiveDefineArguments(variables)];
}

function distCp(source: string, destination: string): string {
  return ['s3-dist-cp', '--src', source, '--dest', destination, '--deleteOnSuccess'].join(' ');
}

/** The staging event and the two EMR steps of one table, in an environment (whose databases the load writes). */
export function workflowStepsOf(env: { name: string }, table: TableDefinition, bucket: string): TableWorkflowSteps {
  const prefixes = tablePrefixes(table);
  const load = loadCommand(s3Uri(bucket, hiveScriptKey(table)), hiveScriptVariables(env, table, bucket));
  return {
    table: table.name,
    kind: table.kind,
    stage: { Bucket: bucket, Table: table.name },
    load: { Step_Name: `${table.name} - load into warehouse`, Cmd_Run: load.join(' ') },
    archive: {
      Step_Name: `${table.name} - archive staged files`,
      Cmd_Run: distCp(s3Uri(bucket, prefixes.stage), s3Uri(bucket, prefixes.archive)),
    },
  };
}

/** In declaration order. `bucket` may be a Terraform token string, so only interpolate it, never parse it. */
export function tableWorkflowSteps(env: { name: string }, kind: TableKind, bucket: string): TableWorkflowSteps[] {
  return tablesOfKind(kind).map((table) => workflowStepsOf(env, table, bucket));
}

/** EMR refuses CANCEL_AND_WAIT when more than one step may run at a time. */
export function stepActionOnFailure(stepConcurrency: number): 'CANCEL_AND_WAIT' | 'CONTINUE' {
  return stepConcurrency > 1 ? 'CONTINUE' : 'CANCEL_AND_WAIT';
}
